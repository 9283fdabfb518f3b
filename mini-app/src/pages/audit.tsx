import type { AuditEntry } from '@loa/shared';
import { formatDateTimeVi } from '@loa/shared';
import { useState } from 'react';
import { Button } from 'zmp-ui';
import { useCampaigns } from '../campaigns/use-campaigns';
import { Card, CardList } from '../components/card-list';
import { SelectField } from '../components/form-fields';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { ChoicesStatus, ErrorNote } from '../components/status-views';
import { useAudit, useMembers } from '../wards/use-ward-setup';

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
      {audit.data ? (
        <AuditEntries
          entries={audit.data.pages.flatMap((page) => page.entries)}
          more={audit.hasNextPage}
          loadingMore={audit.isFetchingNextPage}
          onMore={() => void audit.fetchNextPage()}
          error={audit.error}
        />
      ) : (
        // Loading and a failed first page; once a page is shown, a failed "Xem thêm" keeps the list.
        <QueryGate query={audit}>{() => null}</QueryGate>
      )}
    </PageShell>
  );
}

function AuditEntries(props: {
  entries: AuditEntry[];
  more: boolean;
  loadingMore: boolean;
  onMore: () => void;
  error: unknown;
}) {
  if (props.entries.length === 0) return <p className="muted">Chưa có thao tác nào khớp bộ lọc.</p>;
  return (
    <>
      <CardList label="Các thao tác" data-testid="audit-list">
        {props.entries.map((e) => (
          <AuditLine key={e.id} entry={e} />
        ))}
      </CardList>
      <ErrorNote error={props.error} />
      {props.more && (
        <Button
          variant="secondary"
          fullWidth
          loading={props.loadingMore}
          disabled={props.loadingMore}
          onClick={props.onMore}
        >
          Xem thêm
        </Button>
      )}
    </>
  );
}

/** "<giờ> / <người> <việc> “<bản ghi>”", e.g. "Trần Thị Bình duyệt kế hoạch “Tháng hành động…”". */
function AuditLine({ entry }: { entry: AuditEntry }) {
  return (
    <Card>
      <small className="card-meta">{formatDateTimeVi(entry.at)}</small>
      <span>
        <strong>{entry.actorName ?? 'Hệ thống'}</strong> {entry.actionText}
        {entry.subject && <> “{entry.subject}”</>}
      </span>
    </Card>
  );
}
