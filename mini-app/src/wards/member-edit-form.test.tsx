import type { Member, SetupUnit } from '@loa/shared';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signOut } from '../auth/session-store';
import { type FetchCall, jsonResponse, renderPage, signInAs, stubFetchByUrl, testId } from '../test-utils';
import { MemberEditForm } from './member-edit-form';

const unit = (n: number, name: string, over: Partial<SetupUnit> = {}): SetupUnit => ({
  id: testId(n),
  kind: 'digital_team',
  name,
  shortName: null,
  khuPhoUnitId: testId(9),
  khuPhoName: 'Khu phố 1',
  active: true,
  memberCount: 3,
  ...over,
});
const units = [
  unit(9, 'Khu phố 1', { kind: 'khu_pho', khuPhoUnitId: null, khuPhoName: null }),
  unit(20, 'Tổ CNS Khu phố 1'),
  unit(21, 'Tổ CNS Khu phố 2'),
  unit(22, 'Tổ CNS Khu phố 3 (cũ)', { active: false }),
];
const member: Member = {
  id: testId(40),
  fullName: 'Phạm Thị Dung',
  phone: '0903123456',
  role: 'team_member',
  unitId: testId(20),
  unitName: 'Tổ CNS Khu phố 1',
  title: null,
  active: true,
  linked: true,
};

/** The form with the ward's units; PATCH answers with `patchReply` (the saved member by default). */
function open(
  patchReply: () => Response = () => jsonResponse(member),
  who: Member = member,
  as: { role: 'staff' | 'admin'; id?: string } = { role: 'staff' },
) {
  signInAs(as.role, as.id);
  const onDone = vi.fn();
  const calls = stubFetchByUrl((url, init) =>
    init?.method === 'PATCH'
      ? patchReply()
      : url.endsWith('/api/ward/units')
        ? jsonResponse({ units })
        : jsonResponse({}),
  );
  renderPage(<MemberEditForm member={who} onDone={onDone} />);
  const patches = () =>
    calls
      .filter((call: FetchCall) => call.init?.method === 'PATCH')
      .map((call) => ({ url: call.url, body: JSON.parse(String(call.init?.body)) }));
  return { onDone, patches };
}
const field = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const save = () => screen.getByRole('button', { name: 'Lưu thay đổi' });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  signOut();
});

describe('Sửa thành viên', () => {
  it('sends only what changed; a new phone needs no confirmation', async () => {
    const { onDone, patches } = open();
    await screen.findByRole('option', { name: 'Tổ CNS Khu phố 2' });
    expect((save() as HTMLButtonElement).disabled).toBe(true); // nothing changed yet
    field('Số điện thoại', ' 0903 999 888 ');
    fireEvent.click(save());
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(patches()).toEqual([{ url: `/api/ward/members/${testId(40)}`, body: { phone: '0903 999 888' } }]);
  });

  it('asks before a new role or tổ, naming both, and sends nothing until confirmed', async () => {
    const { onDone, patches } = open();
    await screen.findByRole('option', { name: 'Tổ CNS Khu phố 2' });
    // Khu phố are not units a person belongs to; a unit out of use is offered only to those still in it.
    expect(screen.queryByRole('option', { name: 'Khu phố 1' })).toBeNull();
    expect(screen.queryByRole('option', { name: 'Tổ CNS Khu phố 3 (cũ)' })).toBeNull();
    field('Vai trò', 'team_lead');
    field('Tổ/đơn vị', testId(21));
    fireEvent.click(save());
    expect(
      await screen.findByText(
        'Đổi vai trò thành “Tổ trưởng” và tổ/đơn vị thành “Tổ CNS Khu phố 2” cho Phạm Thị Dung?',
      ),
    ).toBeTruthy();
    expect(patches()).toEqual([]);
    const confirm = screen.getAllByText('Lưu thay đổi').find((node) => node.closest('.zaui-modal-content'));
    fireEvent.click(confirm!);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(patches().map((p) => p.body)).toEqual([{ role: 'team_lead', unitId: testId(21) }]);
  });

  it('shows the server’s refusal and stays open until the field is changed', async () => {
    const { onDone, patches } = open(() =>
      jsonResponse(
        {
          statusCode: 409,
          code: 'MEMBER_PHONE_TAKEN',
          message:
            'Số điện thoại này đã có người khác trong phường dùng. Tìm người đó trong danh sách để sửa.',
        },
        409,
      ),
    );
    await screen.findByRole('option', { name: 'Tổ CNS Khu phố 2' });
    field('Số điện thoại', '0912000002');
    fireEvent.click(save());
    expect((await screen.findByRole('alert')).textContent).toContain('đã có người khác trong phường dùng');
    expect(patches()).toHaveLength(1);
    expect(onDone).not.toHaveBeenCalled();
    // Once the phone is changed again the refusal no longer speaks of it.
    field('Số điện thoại', '0903111222');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says what is missing and does not save an empty name or phone', async () => {
    const { patches } = open();
    await screen.findByRole('option', { name: 'Tổ CNS Khu phố 2' });
    field('Họ tên', '  ');
    expect(screen.getByRole('alert').textContent).toBe('Hãy nhập họ tên.');
    expect((save() as HTMLButtonElement).disabled).toBe(true);
    field('Họ tên', 'Phạm Thị Dung');
    field('Số điện thoại', '');
    expect(screen.getByRole('alert').textContent).toBe('Hãy nhập số điện thoại.');
    expect((save() as HTMLButtonElement).disabled).toBe(true);
    expect(patches()).toEqual([]);
  });

  it('offers the admin role to an admin only', async () => {
    open();
    await screen.findByRole('option', { name: 'Tổ CNS Khu phố 2' });
    expect(screen.queryByRole('option', { name: 'Quản trị' })).toBeNull();
    cleanup();
    open(undefined, member, { role: 'admin' });
    expect(await screen.findByRole('option', { name: 'Quản trị' })).toBeTruthy();
  });

  it('on one’s own row the role is shown, not offered; an admin without a phone renames without one', async () => {
    const admin: Member = {
      ...member,
      fullName: 'Lê Thu Hà',
      phone: null,
      role: 'admin',
      unitId: null,
      unitName: null,
    };
    const { onDone, patches } = open(() => jsonResponse(admin), admin, { role: 'admin', id: admin.id });
    await screen.findByRole('option', { name: 'Tổ CNS Khu phố 2' });
    expect(screen.queryByLabelText('Vai trò')).toBeNull();
    expect(screen.getByText(/Bạn không tự đổi được vai trò của mình/).textContent).toContain(
      'Vai trò: Quản trị',
    );
    field('Họ tên', 'Lê Thị Thu Hà');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(save());
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(patches().map((p) => p.body)).toEqual([{ fullName: 'Lê Thị Thu Hà' }]);
  });
});
