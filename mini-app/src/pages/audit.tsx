import { formatDateTimeVi } from '@loa/shared';
import { useState } from 'react';
import { useCampaigns } from '../campaigns/use-campaigns';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { ChoicesStatus } from '../components/status-views';
import { SelectField } from '../wards/fields';
import { useAudit, useMembers } from '../wards/use-ward-setup';

/** What each logged action means to a reader. */
const actionLabels: Record<string, string> = {
  'campaigns.create': 'tạo kế hoạch',
  'campaigns.update': 'sửa kế hoạch',
  'campaigns.approve': 'duyệt kế hoạch',
  'campaigns.activate': 'triển khai kế hoạch',
  'campaigns.close': 'kết thúc kế hoạch',
  'tasks.create': 'tạo nhiệm vụ',
  'assignments.ack': 'xác nhận đã nhận nhiệm vụ',
  'assignments.done': 'báo cáo hoàn thành',
  'wards.create': 'tạo phường',
  'wards.update': 'sửa thông tin phường',
  'places.create': 'thêm địa điểm',
  'places.update': 'sửa địa điểm',
  'units.create': 'thêm đơn vị',
  'units.update': 'sửa đơn vị',
  'members.create': 'thêm thành viên',
  'members.update': 'sửa thành viên',
  'members.deactivate': 'khóa thành viên',
  'members.import_create': 'nhập thành viên từ danh sách',
  'members.import_update': 'cập nhật thành viên từ danh sách',
  'members.invite': 'tạo liên kết đăng nhập',
  'members.invite_used': 'đăng nhập bằng liên kết',
  'auth.sign_out': 'đăng xuất',
  'groups.create': 'đăng ký nhóm Zalo',
  'groups.update': 'sửa nhóm Zalo',
};

/** Nhật ký: who did what and when, by campaign and by person (leaders and staff). */
export function AuditPage() {
  const [campaignId, setCampaignId] = useState('');
  const [memberId, setMemberId] = useState('');
  const campaigns = useCampaigns();
  const members = useMembers();
  const audit = useAudit(campaignId, memberId);
  return (
    <PageShell title="Nhật ký thao tác" showBack>
      <SelectField label="Kế hoạch" value={campaignId} onChange={setCampaignId}>
        <option value="">Tất cả</option>
        {(campaigns.data?.campaigns ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </SelectField>
      <ChoicesStatus query={campaigns} what="danh sách kế hoạch" />
      <SelectField label="Người thực hiện" value={memberId} onChange={setMemberId}>
        <option value="">Tất cả</option>
        {(members.data?.members ?? []).map((m) => (
          <option key={m.id} value={m.id}>
            {m.fullName}
          </option>
        ))}
      </SelectField>
      <ChoicesStatus query={members} what="danh sách người thực hiện" />
      <QueryGate query={audit}>
        {({ entries }) =>
          entries.length === 0 ? (
            <p className="muted">Chưa có thao tác nào khớp bộ lọc.</p>
          ) : (
            <ul className="setup-list" data-testid="audit-list">
              {entries.map((e) => (
                <li key={e.id}>
                  <small>{formatDateTimeVi(e.at)}</small>
                  <br />
                  <strong>{e.actorName ?? 'Hệ thống'}</strong> {actionLabels[e.action] ?? e.action}
                </li>
              ))}
            </ul>
          )
        }
      </QueryGate>
    </PageShell>
  );
}
