import { ROLE_NAMES_VI, type Role, type SignInOptions } from '@loa/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Button } from 'zmp-ui';
import { returnPath } from '../auth/return-to';
import { useInviteSignIn, useSignIn } from '../auth/use-session';
import { wardFromLocation } from '../campaigns/use-public-campaign';
import { PageShell } from '../components/page-shell';
import { ErrorView, LoadingView } from '../components/status-views';
import { errorText } from '../lib/error-text';
import { request } from '../lib/request';
import { matchesSearch } from '../lib/search-text';
import { getZaloAccessToken, getZaloPhoneToken, isInsideZalo } from '../lib/zalo';

interface SimPeople {
  units: {
    unitName: string;
    people: { memberId: string | null; oaUserId: string; name: string; role: string }[];
  }[];
}

/** Đăng nhập: with the Zalo token inside Zalo; in a desktop browser, a picker of the simulator's people. */
export default function SignInPage() {
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [message, setMessage] = useState('');
  const [params] = useSearchParams();
  // Back to the screen that asked for a session (SignInNeeded), else Trang chủ.
  const next = returnPath(params);
  // The ward of the link that opened the app: a resident's session is that ward's (server: auth/routes.ts).
  const linkWard = wardFromLocation();
  const ward = linkWard && /^[a-z0-9-]{2,80}$/.test(linkWard) ? linkWard : undefined;

  async function withZalo() {
    setMessage('');
    const accessToken = await getZaloAccessToken();
    if (!accessToken) return setMessage('Zalo chưa cấp quyền đăng nhập. Hãy mở lại mini app và cho phép.');
    let reply = await signIn.mutateAsync({ accessToken, ward });
    // First sign-in: we know the person by phone only, so ask Zalo for it (single-use token).
    if (reply.member.role === 'resident') {
      const phoneToken = await getZaloPhoneToken();
      if (phoneToken) reply = await signIn.mutateAsync({ accessToken, phoneToken, ward });
    }
    navigate(next, { replace: true });
  }

  async function asSimulated(personId: string) {
    setMessage('');
    const tokens = await request<{ accessToken: string }>(
      `/sim/api/people/${encodeURIComponent(personId)}/tokens`,
      { method: 'POST' },
    );
    await signIn.mutateAsync({ accessToken: tokens.accessToken, ward });
    navigate(next, { replace: true });
  }

  const invite = params.get('invite');
  if (invite) return <InviteSignIn invite={invite} />;

  const failed = signIn.error ? errorText(signIn.error) : message;
  return (
    <PageShell title="Đăng nhập" showBack>
      {failed ? (
        <p className="form-error" role="alert">
          {failed}
        </p>
      ) : null}
      {isInsideZalo() ? (
        <Button
          fullWidth
          loading={signIn.isPending}
          onClick={() => void withZalo().catch((e: unknown) => setMessage(errorText(e)))}
        >
          Đăng nhập bằng Zalo
        </Button>
      ) : (
        <DevPicker
          busy={signIn.isPending}
          onPick={(id) => void asSimulated(id).catch((e: unknown) => setMessage(errorText(e)))}
        />
      )}
    </PageShell>
  );
}

/** Development only: the server answers /sim/api/people only when ZALO_MODE=simulator. */
function DevPicker({ busy, onPick }: { busy: boolean; onPick: (personId: string) => void }) {
  const [search, setSearch] = useState('');
  const people = useQuery({
    queryKey: ['sim-people'],
    queryFn: ({ signal }) => request<SimPeople>('/sim/api/people', { signal }),
  });
  if (people.isPending) return <LoadingView />;
  if (people.isError) {
    return (
      <ErrorView
        message="Hãy mở Loa Phường trong ứng dụng Zalo để đăng nhập."
        onRetry={() => void people.refetch()}
        retrying={people.isFetching}
      />
    );
  }
  const roleName = (role: string) => ROLE_NAMES_VI[role as Role] ?? role;
  // Some 3,500 px of names: a search by name, unit or role, with or without marks.
  const units = people.data.units
    .map((unit) => ({
      ...unit,
      people: unit.people.filter((person) =>
        matchesSearch(search, [person.name, unit.unitName, roleName(person.role)]),
      ),
    }))
    .filter((unit) => unit.people.length > 0);
  const found = units.reduce((sum, unit) => sum + unit.people.length, 0);
  return (
    <div className="dev-picker">
      <p>Chế độ thử nghiệm: chọn một người để đăng nhập thay họ.</p>
      <div className="dev-search">
        <label htmlFor="dev-search">Tìm theo tên, đơn vị hoặc vai trò</label>
        <input
          id="dev-search"
          type="search"
          placeholder="Ví dụ: Nhi, khu phố 2, cán bộ"
          autoComplete="off"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <small role="status">
          {search.trim()
            ? found
              ? `${found} người khớp`
              : `Không có ai khớp “${search.trim()}”. Thử tên không dấu hoặc chỉ một từ.`
            : ''}
        </small>
      </div>
      {units.map((unit) => (
        <section key={unit.unitName}>
          <h2>{unit.unitName}</h2>
          {unit.people.map((person) => (
            <button
              type="button"
              key={person.oaUserId}
              className="dev-person"
              disabled={busy}
              onClick={() => onPick(person.memberId ?? person.oaUserId)}
            >
              <span>{person.name}</span>
              <small>{roleName(person.role)}</small>
            </button>
          ))}
        </section>
      ))}
    </div>
  );
}

/**
 * A sign-in link from the ward (`?invite=…`): the Zalo account opening it becomes that member's.
 * Outside Zalo there is no Zalo account: the server says first whether it runs the simulator (the demo,
 * which then makes a Zalo user for it) or is live, where only Zalo can use the link.
 */
function InviteSignIn({ invite }: { invite: string }) {
  if (isInsideZalo()) return <InviteAccept invite={invite} />;
  return <InviteOutsideZalo invite={invite} />;
}

function InviteOutsideZalo({ invite }: { invite: string }) {
  const options = useQuery({
    queryKey: ['sign-in-options'],
    queryFn: ({ signal }) => request<SignInOptions>('/api/auth/options', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (options.isPending)
    return (
      <PageShell title="Đăng nhập" showBack>
        <LoadingView />
      </PageShell>
    );
  if (options.isError)
    return (
      <PageShell title="Đăng nhập" showBack>
        <ErrorView
          message={errorText(options.error)}
          onRetry={() => void options.refetch()}
          retrying={options.isFetching}
        />
      </PageShell>
    );
  if (options.data.zalo === 'simulator') return <InviteAccept invite={invite} />;
  return <OpenInZalo link={`${options.data.miniAppLinkBase}/?invite=${encodeURIComponent(invite)}`} />;
}

/** Live, in a browser: the link only works in Zalo, so say so and hand over the mini app's link. */
function OpenInZalo({ link }: { link: string }) {
  const [copied, setCopied] = useState<'' | 'copied' | 'failed'>('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('copied');
    } catch (error) {
      console.warn('clipboard write failed', error);
      setCopied('failed');
    }
  }
  return (
    <PageShell title="Đăng nhập" showBack>
      <h2>Mở liên kết này trong Zalo</h2>
      <p>
        Liên kết đăng nhập chỉ dùng được trong ứng dụng Zalo trên điện thoại: Loa Phường sẽ gắn tài khoản Zalo
        của bạn với tên của bạn trong danh sách phường. Sao chép liên kết dưới đây, gửi vào tin nhắn Zalo của
        chính bạn (Cloud của tôi) rồi bấm vào nó trong Zalo.
      </p>
      <p className="invite-link">
        <code data-testid="invite-zalo-link">{link}</code>
      </p>
      <Button fullWidth variant="secondary" onClick={() => void copy()}>
        Sao chép liên kết
      </Button>
      <p role="status">
        {copied === 'copied'
          ? 'Đã sao chép liên kết.'
          : copied === 'failed'
            ? 'Trình duyệt không cho sao chép: hãy chọn liên kết ở trên rồi sao chép bằng tay.'
            : ''}
      </p>
    </PageShell>
  );
}

/** Inside Zalo with the person's Zalo token; in the demo, the simulator makes a Zalo user for the link. */
function InviteAccept({ invite }: { invite: string }) {
  const navigate = useNavigate();
  const signIn = useInviteSignIn();
  const [message, setMessage] = useState('');
  async function accept() {
    setMessage('');
    const accessToken = isInsideZalo()
      ? await getZaloAccessToken()
      : (
          await request<{ accessToken: string }>('/sim/api/people', {
            method: 'POST',
            body: { name: 'Người được mời' },
          })
        ).accessToken;
    if (!accessToken) return setMessage('Zalo chưa cấp quyền đăng nhập. Hãy mở lại mini app và cho phép.');
    await signIn.mutateAsync({ invite, accessToken });
    // The link is used: drop it from the address, or the hash deep link would open it again.
    window.history.replaceState(null, '', window.location.pathname);
    navigate('/', { replace: true });
  }
  const failed = signIn.error ? errorText(signIn.error) : message;
  return (
    <PageShell title="Đăng nhập" showBack>
      <p>Phường đã gửi bạn liên kết đăng nhập. Bấm nút dưới đây để liên kết tài khoản Zalo của bạn.</p>
      {failed ? (
        <p className="form-error" role="alert">
          {failed}
        </p>
      ) : null}
      <Button
        fullWidth
        loading={signIn.isPending}
        onClick={() => void accept().catch((e: unknown) => setMessage(errorText(e)))}
      >
        Đăng nhập bằng liên kết
      </Button>
    </PageShell>
  );
}
