import { MEMBER_ROLES, type Member, type MemberPatch, type MemberRole, ROLE_NAMES_VI } from '@loa/shared';
import { useState } from 'react';
import { Button } from 'zmp-ui';
import { useSession } from '../auth/use-session';
import { ConfirmButton } from '../components/confirm-button';
import { TextField } from '../components/form-fields';
import { ChoicesStatus, FormProblem } from '../components/status-views';
import { RoleSelect } from './role-select';
import { UnitSelect } from './unit-select';
import { useEditMember, useSetupUnits } from './use-ward-setup';

/** What the form sends: only the fields that differ from the member's row. */
export function memberPatch(
  member: Member,
  form: { fullName: string; phone: string; role: MemberRole; unitId: string },
): MemberPatch {
  const patch: MemberPatch = {};
  if (form.fullName.trim() !== member.fullName) patch.fullName = form.fullName.trim();
  if (form.phone.trim() !== (member.phone ?? '')) patch.phone = form.phone.trim();
  if (form.role !== member.role) patch.role = form.role;
  if (form.unitId !== (member.unitId ?? '')) patch.unitId = form.unitId || null;
  return patch;
}

/**
 * Sửa thành viên: name, phone, role and tổ/đơn vị (moving someone to another tổ is routine). Only what
 * changed is sent to PATCH /api/ward/members/:id, which checks it (a phone another member uses, a team
 * role without a tổ, …: its Vietnamese message shows here) and audits it. A new role or tổ changes what
 * the person may do and ends their session, so that is asked first. Nobody changes their own role (the
 * server refuses it: it could not be undone), so on one's own row it is shown, not offered.
 */
export function MemberEditForm({ member, onDone }: { member: Member; onDone: () => void }) {
  const { session } = useSession();
  const self = session?.memberId === member.id;
  const unitList = useSetupUnits();
  const edit = useEditMember();
  const [form, setForm] = useState({
    fullName: member.fullName,
    phone: member.phone ?? '',
    role: member.role,
    unitId: member.unitId ?? '',
  });
  // A refusal speaks of the values that were sent: once they change it no longer applies.
  const change = (next: Partial<typeof form>) => {
    edit.reset();
    setForm((f) => ({ ...f, ...next }));
  };
  const set = (key: 'fullName' | 'phone' | 'unitId') => (value: string) => change({ [key]: value });

  const patch = memberPatch(member, form);
  const changed = Object.keys(patch).length > 0;
  // Only an admin made without a phone has none: they may stay so; nobody else may lose theirs.
  const problem =
    form.fullName.trim() === ''
      ? 'Hãy nhập họ tên.'
      : form.phone.trim() === '' && member.phone !== null
        ? 'Hãy nhập số điện thoại.'
        : null;
  const save = () => edit.mutate({ id: member.id, patch }, { onSuccess: onDone });
  // A unit taken out of use stays choosable for whoever is still in it: saving a name must not move them.
  const units = (unitList.data?.units ?? []).filter(
    (u) => u.kind !== 'khu_pho' && (u.active || u.id === member.unitId),
  );
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? 'không thuộc đơn vị';
  const what = [
    patch.role !== undefined ? `vai trò thành “${ROLE_NAMES_VI[form.role]}”` : null,
    patch.unitId !== undefined ? `tổ/đơn vị thành “${unitName(form.unitId)}”` : null,
  ].filter((part) => part !== null);
  // Only an admin gives the admin role (the server refuses staff).
  const roles = MEMBER_ROLES.filter(
    (role) => role !== 'admin' || session?.role === 'admin' || member.role === 'admin',
  );

  return (
    <section className="card" aria-label={`Sửa thành viên ${member.fullName}`} data-testid="member-edit">
      <h2>Sửa thông tin</h2>
      <TextField label="Họ tên" value={form.fullName} onChange={set('fullName')} />
      <TextField label="Số điện thoại" type="tel" value={form.phone} onChange={set('phone')} />
      {self ? (
        <p className="field-hint">
          Vai trò: {ROLE_NAMES_VI[member.role]}. Bạn không tự đổi được vai trò của mình; nhờ một quản trị viên
          khác.
        </p>
      ) : (
        <RoleSelect value={form.role} onChange={(role) => change({ role })} roles={roles} />
      )}
      <UnitSelect
        label="Tổ/đơn vị"
        value={form.unitId}
        onChange={set('unitId')}
        units={units}
        none="(không thuộc đơn vị)"
      />
      <ChoicesStatus query={unitList} what="danh sách tổ/đơn vị" />
      <FormProblem problem={problem} error={edit.error} />
      {what.length > 0 ? (
        <ConfirmButton
          variant="secondary"
          title={`Đổi ${what.join(' và ')} cho ${member.fullName}?`}
          description={
            self
              ? 'Quyền của bạn trên ứng dụng đổi ngay và bạn phải đăng nhập lại. Việc đổi được ghi vào nhật ký.'
              : 'Quyền của người này trên ứng dụng đổi ngay và họ phải đăng nhập lại. Việc đổi được ghi vào nhật ký.'
          }
          confirmText="Lưu thay đổi"
          disabled={problem !== null}
          loading={edit.isPending}
          onConfirm={save}
        >
          Lưu thay đổi
        </ConfirmButton>
      ) : (
        <Button
          variant="secondary"
          fullWidth
          disabled={!changed || problem !== null}
          loading={edit.isPending}
          onClick={save}
        >
          Lưu thay đổi
        </Button>
      )}
      <Button variant="tertiary" fullWidth onClick={onDone}>
        Bỏ sửa
      </Button>
    </section>
  );
}
