import { type Member, type MemberImportReply, type MemberRole, ROLE_NAMES_VI } from '@loa/shared';
import { useState } from 'react';
import { Button, useSnackbar } from 'zmp-ui';
import { Card, CardList, Row, RowList } from '../components/card-list';
import { ConfirmButton } from '../components/confirm-button';
import { DownloadButton } from '../components/download-button';
import { TextField } from '../components/form-fields';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { ChoicesStatus, ErrorNote } from '../components/status-views';
import { fileBase64 } from '../lib/file-base64';
import { accessChangesText, ImportRowAccess } from '../wards/import-access';
import { MemberEditForm } from '../wards/member-edit-form';
import { RoleSelect } from '../wards/role-select';
import { UnitSelect } from '../wards/unit-select';
import {
  useAddMember,
  useEditMember,
  useImportMembers,
  useInviteMember,
  useMembers,
  useSetupUnits,
} from '../wards/use-ward-setup';

/** Thành viên: the list, one by one or from an .xlsx/.csv list (previewed first), export, sign-in links. */
export function WardMembersPage() {
  const members = useMembers();
  return (
    <PageShell title="Thành viên" showBack>
      <ImportSection />
      <AddMemberSection />
      <QueryGate query={members}>
        {({ members: list }) =>
          list.length === 0 ? (
            <p className="muted">Chưa có thành viên nào. Thêm từng người hoặc nhập danh sách.</p>
          ) : (
            <CardList label="Danh sách thành viên" data-testid="member-list">
              {list.map((m) => (
                <MemberRow key={m.id} member={m} />
              ))}
            </CardList>
          )
        }
      </QueryGate>
    </PageShell>
  );
}

function ImportSection() {
  const send = useImportMembers();
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<MemberImportReply | null>(null);
  const [saved, setSaved] = useState('');
  const { openSnackbar } = useSnackbar();

  const choose = async (chosen: File | undefined) => {
    setPreview(null);
    setSaved('');
    send.reset();
    if (!chosen) return;
    const picked = { fileName: chosen.name, contentBase64: await fileBase64(chosen) };
    setFile(picked);
    send.mutate({ ...picked, commit: false }, { onSuccess: setPreview });
  };
  const commit = () => {
    if (!file) return;
    send.mutate(
      { ...file, commit: true },
      {
        onSuccess: (reply) => {
          setPreview(null);
          setFile(null);
          const text = `Đã lưu danh sách: ${reply.created} người mới, ${reply.updated} người cập nhật.`;
          setSaved(text);
          openSnackbar({ text, type: 'success' });
        },
      },
    );
  };
  const wrong = preview?.rows.filter((row) => row.problems.length > 0) ?? [];

  return (
    <section className="card">
      <h2>Nhập danh sách (.xlsx, .csv)</h2>
      <p className="muted">
        Dòng đầu: Họ tên, Số điện thoại, Vai trò, Tổ/đơn vị (và Trạng thái nếu muốn khóa hoặc mở khóa). Xem
        trước rồi mới lưu.
      </p>
      <label className="native-field">
        <span>Tệp danh sách</span>
        <input type="file" accept=".xlsx,.csv" onChange={(event) => void choose(event.target.files?.[0])} />
      </label>
      <ErrorNote error={send.error} />
      {saved ? <p className="form-success">{saved}</p> : null}
      {preview ? (
        <div data-testid="import-preview">
          {preview.ok ? (
            <p>
              {preview.rows.length} dòng đều đúng: {preview.created} người mới, {preview.updated} người cập
              nhật. {accessChangesText(preview.rows)}
            </p>
          ) : (
            <p className="form-error">
              {wrong.length} dòng chưa đúng. Sửa tệp rồi chọn lại; chưa lưu người nào.
            </p>
          )}
          <RowList label="Các dòng của tệp">
            {preview.rows.map((row) => (
              <Row key={row.line} className={row.problems.length ? 'row-problem' : undefined}>
                Dòng {row.line}: {row.fullName || '(trống)'} · {row.phone} · {row.role} · {row.unitName}
                <ImportRowAccess row={row} />
                {row.problems.map((problem) => (
                  <span key={problem} className="form-error">
                    {' '}
                    {problem}
                  </span>
                ))}
              </Row>
            ))}
          </RowList>
          <Button loading={send.isPending} disabled={!preview.ok} onClick={commit}>
            Lưu danh sách
          </Button>
        </div>
      ) : null}
      <div className="button-row">
        <DownloadButton path="/api/ward/members/export?format=xlsx" fallbackName="thanh-vien.xlsx">
          Tải danh sách .xlsx
        </DownloadButton>
        <DownloadButton path="/api/ward/members/export?format=csv" fallbackName="thanh-vien.csv">
          Tải .csv
        </DownloadButton>
      </div>
    </section>
  );
}

function AddMemberSection() {
  const units = useSetupUnits();
  const add = useAddMember();
  const empty = { fullName: '', phone: '', role: 'team_member' as MemberRole, unitId: '' };
  const [form, setForm] = useState(empty);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <section className="card">
      <h2>Thêm thành viên</h2>
      <TextField label="Họ tên" value={form.fullName} onChange={set('fullName')} />
      <TextField label="Số điện thoại" type="tel" value={form.phone} onChange={set('phone')} />
      <RoleSelect value={form.role} onChange={set('role')} />
      <UnitSelect
        label="Tổ/đơn vị"
        value={form.unitId}
        onChange={set('unitId')}
        units={(units.data?.units ?? []).filter((u) => u.kind !== 'khu_pho' && u.active)}
        none="(không thuộc đơn vị)"
      />
      <ChoicesStatus query={units} what="danh sách tổ/đơn vị" />
      <ErrorNote error={add.error} />
      <Button
        variant="secondary"
        loading={add.isPending}
        disabled={form.fullName.trim() === '' || form.phone.trim() === ''}
        onClick={() =>
          add.mutate(
            { fullName: form.fullName, phone: form.phone, role: form.role, unitId: form.unitId || null },
            { onSuccess: () => setForm(empty) },
          )
        }
      >
        Thêm thành viên
      </Button>
    </section>
  );
}

function MemberRow({ member }: { member: Member }) {
  const edit = useEditMember();
  const invite = useInviteMember();
  const [editing, setEditing] = useState(false);
  return (
    <Card data-member={member.fullName}>
      <strong>{member.fullName}</strong>
      <span className="card-meta">
        {member.phone ?? 'không có số'} · {ROLE_NAMES_VI[member.role]}
        {member.unitName ? ` · ${member.unitName}` : ''}
        {member.active ? '' : ' · đã khóa'}
        {member.linked ? ' · đã đăng nhập Zalo' : ''}
      </span>
      <div className="button-row">
        <Button
          size="small"
          variant="tertiary"
          aria-label={`Sửa ${member.fullName}`}
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          Sửa
        </Button>
        {member.active ? (
          <ConfirmButton
            variant="tertiary"
            title={`Khóa tài khoản của ${member.fullName}?`}
            description="Người này mất quyền truy cập ngay lập tức. Có thể mở khóa lại sau."
            confirmText="Khóa"
            loading={edit.isPending}
            onConfirm={() => edit.mutate({ id: member.id, patch: { active: false } })}
          >
            Khóa
          </ConfirmButton>
        ) : (
          <Button
            size="small"
            variant="tertiary"
            onClick={() => edit.mutate({ id: member.id, patch: { active: true } })}
          >
            Mở khóa
          </Button>
        )}
        {member.active ? (
          <Button
            size="small"
            variant="tertiary"
            loading={invite.isPending}
            onClick={() => invite.mutate(member.id)}
          >
            Liên kết đăng nhập
          </Button>
        ) : null}
      </div>
      {invite.data ? (
        <p className="invite-link">
          Gửi liên kết này cho {member.fullName} qua Zalo (dùng một lần, 7 ngày; mở được trong Zalo):{' '}
          <code>{invite.data.link}</code>
          {invite.data.demoLink ? (
            <>
              {' '}
              Bản trình diễn (trình giả lập Zalo), mở trong trình duyệt:{' '}
              <code data-testid="invite-demo-link">{invite.data.demoLink}</code>
            </>
          ) : null}
        </p>
      ) : null}
      <ErrorNote error={edit.error ?? invite.error} />
      {editing ? <MemberEditForm member={member} onDone={() => setEditing(false)} /> : null}
    </Card>
  );
}
