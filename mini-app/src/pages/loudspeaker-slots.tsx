import { inRoleGroup } from '@loa/shared';
import { useState } from 'react';
import { Button } from 'zmp-ui';
import { useSession } from '../auth/use-session';
import { Row, RowList } from '../components/card-list';
import { ConfirmButton } from '../components/confirm-button';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { ErrorNote } from '../components/status-views';
import { WardTimeField } from '../components/ward-date-fields';
import {
  addProblem,
  MAX_SLOTS,
  sameSlots,
  slotsProblem,
  slotsText,
  useLoudspeakerSlots,
  useSaveLoudspeakerSlots,
} from '../loudspeaker/slots';

/**
 * Khung giờ phát loa: the times of day the ward's loudspeakers broadcast. Admin and staff change them
 * (after a confirmation, with an undo right after, each change audited by the server); leaders read them.
 */
export function LoudspeakerSlotsPage() {
  const slots = useLoudspeakerSlots();
  const { session } = useSession();
  const canEdit = inRoleGroup(session?.role, 'officeWriters');
  return (
    <PageShell title="Khung giờ phát loa" showBack>
      <p className="detail-meta">
        Giờ Việt Nam, 24 giờ. Khi lên lịch một bài cho loa, các khung giờ này được gợi ý; lịch đã lên không
        đổi theo.
      </p>
      <QueryGate query={slots} loadingLabel="Đang tải khung giờ phát loa…">
        {({ timesOfDay }) =>
          canEdit ? (
            <SlotsEditor saved={timesOfDay} />
          ) : (
            <section className="card">
              <RowList label="Các khung giờ phát loa" data-testid="loudspeaker-slots">
                {[...timesOfDay].sort().map((t) => (
                  <Row key={t}>{t}</Row>
                ))}
              </RowList>
              <p className="muted">Cán bộ văn phòng hoặc quản trị của phường sửa các khung giờ này.</p>
            </section>
          )
        }
      </QueryGate>
    </PageShell>
  );
}

function SlotsEditor({ saved }: { saved: string[] }) {
  const save = useSaveLoudspeakerSlots();
  const [draft, setDraft] = useState(saved);
  const [next, setNext] = useState('12:00');
  const [addError, setAddError] = useState<string | null>(null);
  // What the last save replaced, so "Hoàn tác" can put it back (itself a save, audited the same way).
  const [undo, setUndo] = useState<{ before: string[]; after: string[] } | null>(null);
  const [undone, setUndone] = useState<string[] | null>(null);
  const problem = slotsProblem(draft);
  const changed = !sameSlots(draft, saved);

  const store = (times: string[], then: () => void) => save.mutate([...times].sort(), { onSuccess: then });

  return (
    <section className="card loudspeaker-slots-editor">
      <h2>Các khung giờ mỗi ngày</h2>
      <RowList label="Các khung giờ phát loa" data-testid="loudspeaker-slots">
        {[...draft].sort().map((t) => (
          <Row key={t}>
            <strong>{t}</strong>{' '}
            <Button
              size="small"
              variant="tertiary"
              aria-label={`Bỏ khung giờ ${t}`}
              onClick={() => {
                setDraft(draft.filter((x) => x !== t));
                setAddError(null);
              }}
            >
              Bỏ
            </Button>
          </Row>
        ))}
      </RowList>
      <WardTimeField
        label="Khung giờ mới"
        value={next}
        onChange={(time) => {
          setNext(time);
          setAddError(null);
        }}
      />
      <Button
        size="medium"
        variant="secondary"
        onClick={() => {
          const why = addProblem(draft, next);
          setAddError(why);
          if (!why) setDraft([...draft, next]);
        }}
      >
        Thêm {next}
      </Button>
      <p className="muted">Tối đa {MAX_SLOTS} khung giờ.</p>
      {(addError ?? (changed ? problem : null)) ? (
        <p role="alert" className="form-error">
          {addError ?? problem}
        </p>
      ) : null}
      <ErrorNote error={save.error} />
      <ConfirmButton
        title="Lưu khung giờ phát loa?"
        description={`Từ nay loa phát lúc ${slotsText(draft)} (trước đây: ${slotsText(saved)}). Lịch đã lên không đổi; khung giờ mới được gợi ý khi lên lịch phát loa.`}
        confirmText="Lưu"
        disabled={!changed || problem !== null}
        loading={save.isPending}
        onConfirm={() =>
          store(draft, () => {
            setUndo({ before: saved, after: draft });
            setUndone(null);
          })
        }
      >
        Lưu khung giờ
      </ConfirmButton>
      {changed ? (
        <Button variant="tertiary" fullWidth onClick={() => setDraft(saved)}>
          Bỏ thay đổi
        </Button>
      ) : null}
      {undo ? (
        <UndoNote
          undo={undo}
          onUndo={() =>
            store(undo.before, () => {
              setDraft(undo.before);
              setUndo(null);
              setUndone(undo.before);
            })
          }
        />
      ) : null}
      {undone && !undo ? (
        <p role="status" className="undo-note">
          Đã hoàn tác: loa phát lại lúc {slotsText(undone)}.
        </p>
      ) : null}
    </section>
  );
}

/** Shown after a save: what changed, and the way back. */
function UndoNote({ undo, onUndo }: { undo: { before: string[]; after: string[] }; onUndo: () => void }) {
  return (
    <div role="status" className="undo-note">
      <p>
        Đã lưu: loa phát lúc {slotsText(undo.after)}. Trước đây: {slotsText(undo.before)}.
      </p>
      <Button size="small" variant="secondary" onClick={onUndo}>
        Hoàn tác
      </Button>
    </div>
  );
}
