import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button } from 'zmp-ui';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { EvidenceCard } from '../evidence/evidence-card';
import { useAssignmentEvidence } from '../evidence/use-evidence';
import { type QueueEntry, useUploadQueue } from '../evidence/use-upload-queue';
import { getLocationToken, getZaloAccessToken, pickPhoto } from '../lib/zalo';
import { useAssignment } from '../tasks/use-assignments';

/** An assignment's photo proof: take a photo, watch it upload, see what was checked and the review. */
export function AssignmentEvidencePage() {
  const { id = '' } = useParams();
  const uploaded = useAssignmentEvidence(id);
  const assignment = useAssignment(id);
  const queue = useUploadQueue(id);
  const [picking, setPicking] = useState(false);
  const [pickError, setPickError] = useState<string>();

  const capture = async () => {
    setPicking(true);
    setPickError(undefined);
    try {
      // Ask for the location while the person is standing where the photo is taken.
      const [file, locationToken, zaloAccessToken] = await Promise.all([
        pickPhoto(),
        getLocationToken(),
        getZaloAccessToken(),
      ]);
      if (file) await queue.add(file, { locationToken, zaloAccessToken });
    } catch (error) {
      console.warn('photo not taken', error);
      setPickError('Không mở được máy ảnh. Hãy cấp quyền máy ảnh cho Zalo rồi thử lại.');
    } finally {
      setPicking(false);
    }
  };

  return (
    <PageShell title="Ảnh minh chứng" showBack>
      {assignment.data ? (
        <p className="detail-meta">
          {assignment.data.title}
          {assignment.data.photosRequired
            ? ` · cần ${assignment.data.photosRequired} ảnh${assignment.data.locationRequired ? ', chụp tại địa điểm' : ''}`
            : ''}
        </p>
      ) : null}
      <Button fullWidth size="large" loading={picking} disabled={picking} onClick={() => void capture()}>
        Chụp ảnh minh chứng
      </Button>
      {pickError || queue.loadError ? <p role="alert">{pickError ?? queue.loadError}</p> : null}
      {queue.entries.length > 0 ? (
        <section aria-label="Ảnh đang chờ gửi" className="evidence-list">
          {queue.entries.map((entry) => (
            <QueueRow
              key={entry.id}
              entry={entry}
              onRemove={() => void queue.remove(entry.id)}
              onRetry={() => void queue.retryNow()}
            />
          ))}
        </section>
      ) : null}
      <section aria-label="Ảnh đã nộp" className="evidence-list">
        <QueryGate
          query={uploaded}
          isEmpty={(data) => data.items.length === 0 && queue.entries.length === 0}
          empty="Chưa có ảnh nào. Bấm “Chụp ảnh minh chứng” khi đã làm xong nhiệm vụ."
        >
          {({ items }) => items.map((item) => <EvidenceCard key={item.id} item={item} />)}
        </QueryGate>
      </section>
    </PageShell>
  );
}

function QueueRow({
  entry,
  onRemove,
  onRetry,
}: {
  entry: QueueEntry;
  onRemove: () => void;
  onRetry: () => void;
}) {
  const percent = Math.round((entry.progress ?? 0) * 100);
  return (
    <article className="evidence-card evidence-queued">
      <div className="evidence-body">
        {entry.refusedMessage ? (
          <>
            <p role="alert">{entry.refusedMessage}</p>
            <Button size="medium" variant="secondary" onClick={onRemove}>
              Bỏ ảnh này
            </Button>
          </>
        ) : entry.waitingMessage ? (
          <>
            <p>Ảnh được giữ trong máy và sẽ tự gửi lại khi có mạng. {entry.waitingMessage}</p>
            <Button size="medium" variant="secondary" onClick={onRetry}>
              Gửi lại ngay
            </Button>
          </>
        ) : (
          <>
            <p>Đang gửi ảnh… {percent}%</p>
            <progress max={100} value={percent} aria-label="Tiến độ gửi ảnh" />
          </>
        )}
      </div>
    </article>
  );
}
