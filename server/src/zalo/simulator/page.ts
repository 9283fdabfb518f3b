/**
 * /sim: the khu phố groups and 1:1 chats with the OA as a Zalo user would see them, and a box to
 * write as a resident or team member. Plain HTML; the script and styles are served from /sim/page.js and
 * /sim/page.css because the content security policy forbids inline scripts and styles.
 */
export const pageHtml = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trình giả lập Zalo – Loa Phường</title>
<link rel="stylesheet" href="/sim/page.css"></head><body>
<header><h1>Trình giả lập Zalo – OA của phường</h1></header>
<main><nav id="nav"><p class="loading">Đang tải…</p></nav>
<section><div id="title">Chọn một nhóm hoặc cuộc trò chuyện</div><div id="log"></div>
<form id="form"><select id="who" aria-label="Gửi với tư cách"></select>
<input id="text" placeholder="Nhập tin nhắn…" autocomplete="off" aria-label="Tin nhắn">
<button type="submit">Gửi</button><button type="button" id="photo">Gửi ảnh</button><button type="button" id="loc">Gửi vị trí</button></form>
<p id="status" role="status"></p></section></main>
<script src="/sim/page.js"></script></body></html>`;

export const pageScript = `(() => {
  const $ = (id) => document.getElementById(id);
  let people = [], groups = [], current = null;
  const fmt = (iso) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
  const api = async (path, body) => {
    const res = await fetch('/sim/api' + path, body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {});
    const json = await res.json();
    if (!res.ok) throw new Error(json.message || 'Lỗi');
    return json;
  };
  const nameOf = (id) => (people.find((p) => p.oaUserId === id) || { name: id }).name;
  function button(label, sub, key, onClick) {
    const b = document.createElement('button');
    b.innerHTML = '<div></div><small></small>';
    b.firstChild.textContent = label; b.lastChild.textContent = sub;
    b.dataset.key = key; b.onclick = onClick; return b;
  }
  function renderNav() {
    const nav = $('nav'); nav.innerHTML = '';
    const h = (t) => { const e = document.createElement('h2'); e.textContent = t; nav.append(e); };
    h('Nhóm khu phố (' + groups.length + ')');
    for (const g of groups) nav.append(button(g.name, g.oaGroup ? 'Nhóm do OA tạo' : 'Nhóm thường – tổ chia sẻ thủ công', 'g' + g.groupId, () => open({ kind: 'group', id: g.groupId, title: g.name })));
    h('Trò chuyện với OA');
    for (const p of people) nav.append(button(p.name, p.unitName, 'u' + p.oaUserId, () => open({ kind: 'user', id: p.oaUserId, title: p.name + ' ↔ OA' })));
  }
  function open(target) {
    current = target; $('title').textContent = target.title;
    for (const b of document.querySelectorAll('nav button')) b.classList.toggle('active', b.dataset.key === (target.kind === 'group' ? 'g' : 'u') + target.id);
    const who = $('who'); who.innerHTML = '';
    const choices = target.kind === 'user' ? people.filter((p) => p.oaUserId === target.id) : people;
    for (const p of choices) { const o = document.createElement('option'); o.value = p.oaUserId; o.textContent = p.name + ' (' + p.unitName + ')'; who.append(o); }
    $('photo').hidden = $('loc').hidden = target.kind !== 'user';
    refresh();
  }
  async function refresh() {
    if (!current) return;
    const q = current.kind === 'group' ? 'groupId=' : 'userId=';
    const { messages } = await api('/messages?' + q + encodeURIComponent(current.id) + '&limit=200');
    const log = $('log'); log.innerHTML = '';
    for (const m of messages) {
      const d = document.createElement('div'); d.className = 'msg ' + m.from;
      const who = document.createElement('div'); who.className = 'who';
      who.textContent = (m.from === 'oa' ? 'OA của phường' : nameOf(m.userId)) + ' · ' + fmt(m.sentAt) + (m.billable ? ' · tính phí' : '');
      const body = document.createElement('div');
      body.textContent = m.attachment ? (m.attachment.type === 'image' ? '[Ảnh] ' : '[Vị trí ' + m.attachment.latitude + ', ' + m.attachment.longitude + '] ') + m.text : m.text;
      d.append(who, body); log.append(d);
    }
    log.scrollTop = log.scrollHeight;
  }
  async function say(extra) {
    $('status').textContent = '';
    try {
      const text = $('text').value.trim();
      if (current.kind === 'group') await api('/groups/' + encodeURIComponent(current.id) + '/say', { userId: $('who').value, text });
      else await api('/users/' + encodeURIComponent($('who').value) + '/say', Object.assign(text ? { text } : {}, extra));
      $('text').value = ''; refresh();
    } catch (e) { $('status').textContent = e.message; }
  }
  $('form').onsubmit = (e) => { e.preventDefault(); if (current) say({}); };
  $('photo').onclick = () => current && say({ image: {} });
  $('loc').onclick = () => current && say({ location: { latitude: 10.9419, longitude: 107.1408 } });
  Promise.all([api('/people'), api('/groups')]).then(([p, g]) => {
    people = p.units.flatMap((u) => u.people.map((x) => Object.assign({ unitName: u.unitName }, x)));
    groups = g.groups; renderNav();
  }).catch((e) => { $('nav').textContent = 'Không tải được: ' + e.message; });
  setInterval(refresh, 2000);
})();`;

export const pageStyles = `
body{margin:0;font:15px/1.4 system-ui,sans-serif;background:#eef1f5;color:#1a1a1a}
header{background:#0068ff;color:#fff;padding:10px 16px}
header h1{font-size:18px;margin:0}
main{display:flex;min-height:calc(100vh - 44px)}
nav{width:300px;background:#fff;border-right:1px solid #dde;overflow:auto;max-height:calc(100vh - 44px)}
nav h2{font-size:13px;text-transform:uppercase;color:#667;margin:12px 12px 4px}
nav button{display:block;width:100%;text-align:left;border:0;background:none;padding:10px 12px;min-height:44px;cursor:pointer;border-bottom:1px solid #f0f0f4}
nav button.active{background:#e5efff}
nav small{color:#778}
section{flex:1;display:flex;flex-direction:column}
#title{background:#fff;padding:10px 16px;border-bottom:1px solid #dde;font-weight:600}
#log{flex:1;overflow:auto;padding:12px 16px}
.msg{max-width:70%;margin:6px 0;padding:8px 12px;border-radius:12px;background:#fff;white-space:pre-wrap;word-break:break-word}
.msg.oa{background:#d6e8ff}
.msg .who{font-size:12px;color:#556;margin-bottom:2px}
form{display:flex;gap:8px;padding:10px;background:#fff;border-top:1px solid #dde;flex-wrap:wrap}
select,input,form button{min-height:44px;font-size:15px}
input{flex:1;min-width:160px;padding:0 10px}
@media(max-width:700px){main{flex-direction:column}nav{width:auto;max-height:40vh}}
nav .loading{padding:12px}
#status{margin:0 12px 8px;color:#a00}
`;
