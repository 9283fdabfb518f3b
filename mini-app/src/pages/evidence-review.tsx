import {
  EVIDENCE_FLAG_CODES,
  type EvidenceFlagCode,
  type EvidenceItem,
  evidenceFlagLabels,
  type ReviewStatus,
  reviewStatusLabels,
} from '@loa/shared';
import { useState } from 'react';
import { Button, Modal } from 'zmp-ui';
import { useSession } from '../auth/use-session';
import { ConfirmButton } from '../components/confirm-button';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { ErrorNote } from '../components/status-views';
import { EvidenceCard, FlagChips, hasFlags } from '../evidence/evidence-card';
import { useEvidenceQueue, useReviewEvidence } from '../evidence/use-evidence';

/** Staff and the leader: the photos to review, filtered by flag, team and status. */
export function EvidenceReviewPage() {
  const [flag, setFlag] = useState<EvidenceFlagCode | ''>('');
  const [status, setStatus] = useState<ReviewStatus | ''>('pending');
  const [teamId, setTeamId] = useState('');
  const queue = useEvidenceQueue({
    flag: flag || undefined,
    status: status || undefined,
    teamId: teamId || undefined,
  });
  const teams = new Map((queue.data?.items ?? []).map((item) => [item.teamId, item.teamName]));

  return (
    <PageShell title="Duyệt ảnh minh chứng">
      <div className="evidence-filters">
        <label>
          Trạng thái
          <select value={status} onChange={(event) => setStatus(event.target.value as ReviewStatus | '')}>
            <option value="">Tất cả</option>
            {(Object.keys(reviewStatusLabels) as ReviewStatus[]).map((key) => (
              <option key={key} value={key}>
                {reviewStatusLabels[key]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Cảnh báo
          <select value={flag} onChange={(event) => setFlag(event.target.value as EvidenceFlagCode | '')}>
            <option value="">Tất cả</option>
            {EVIDENCE_FLAG_CODES.map((code) => (
              <option key={code} value={code}>
                {evidenceFlagLabels[code]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tổ
          <select value={teamId} onChange={(event) => setTeamId(event.target.value)}>
            <option value="">Tất cả các tổ</option>
            {[...teams].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryGate
        query={queue}
        isEmpty={(data) => data.items.length === 0}
        empty="Không có ảnh nào khớp bộ lọc."
      >
        {({ items }) => (
          <section className="evidence-list" aria-label="Ảnh cần duyệt">
            {items.map((item) => (
              <EvidenceCard key={item.id} item={item}>
                <ReviewActions item={item} />
              </EvidenceCard>
            ))}
          </section>
        )}
      </QueryGate>
    </PageShell>
  );
}

/**
 * Accept or send back. Staff may also upload for a team; the server refuses anyone reviewing their
 * own photo (403 EVIDENCE_OWN_PHOTO), so on those the buttons give way to why, and who can act.
 */
function ReviewActions({ item }: { item: EvidenceItem }) {
  const { session } = useSession();
  if (item.uploadedBy && item.uploadedBy === session?.memberId)
    return (
      <p className="detail-meta evidence-own-photo">
        Ảnh do anh/chị gửi — cần một cán bộ hoặc lãnh đạo khác duyệt.
      </p>
    );
  return <ReviewButtons item={item} />;
}

function ReviewButtons({ item }: { item: EvidenceItem }) {
  const review = useReviewEvidence();
  const [sendingBack, setSendingBack] = useState(false);
  const [reason, setReason] = useState('');
  const decide = (decision: 'accept' | 'needs_fix') =>
    review.mutate(
      { id: item.id, body: decision === 'accept' ? { decision } : { decision, reason } },
      { onSuccess: () => setSendingBack(false) },
    );

  return (
    <div className="evidence-actions">
      <ErrorNote error={review.error} />
      {hasFlags(item.flags) ? (
        // A flagged photo is accepted only after reading what was found, in words.
        <ConfirmButton
          size="medium"
          fullWidth={false}
          title="Duyệt ảnh có cảnh báo?"
          description={`Ảnh của ${item.teamName} cho “${item.taskTitle}” có cảnh báo sau. Chỉ duyệt khi bạn đã xem ảnh và chấp nhận được.`}
          details={<FlagChips flags={item.flags} />}
          confirmText="Vẫn duyệt"
          loading={review.isPending}
          disabled={item.reviewStatus === 'accepted'}
          onConfirm={() => decide('accept')}
        >
          Duyệt
        </ConfirmButton>
      ) : (
        <Button
          size="medium"
          loading={review.isPending}
          disabled={review.isPending || item.reviewStatus === 'accepted'}
          onClick={() => decide('accept')}
        >
          Duyệt
        </Button>
      )}
      <Button
        size="medium"
        variant="secondary"
        disabled={review.isPending}
        onClick={() => setSendingBack(true)}
      >
        Trả lại
      </Button>
      <Modal visible={sendingBack} title="Trả lại ảnh cho tổ" onClose={() => setSendingBack(false)}>
        <label className="evidence-reason">
          Lý do (tổ sẽ nhận được thông báo)
          <textarea
            value={reason}
            maxLength={500}
            rows={3}
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        <div className="evidence-actions">
          <Button
            size="medium"
            disabled={!reason.trim() || review.isPending}
            loading={review.isPending}
            onClick={() => decide('needs_fix')}
          >
            Xác nhận trả lại
          </Button>
          <Button size="medium" variant="tertiary" onClick={() => setSendingBack(false)}>
            Hủy
          </Button>
        </div>
      </Modal>
    </div>
  );
}
