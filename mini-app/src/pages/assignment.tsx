import { type Assignment, formatDateTimeVi, inRoleGroup } from '@loa/shared';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Input, useSnackbar } from 'zmp-ui';
import { useSession } from '../auth/use-session';
import { useUrge } from '../campaigns/use-campaigns';
import { ConfirmButton } from '../components/confirm-button';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { ErrorNote } from '../components/status-views';
import { errorText } from '../lib/error-text';
import { PublishedPiecePicker } from '../residents/published-piece';
import { assignmentEvidencePath } from '../routes-meta';
import { assignmentStatusLabels, taskKindLabels } from '../tasks/labels';
import { photoProgress, photosMissing } from '../tasks/photos';
import { useAcknowledge, useAssignment, useMarkDone } from '../tasks/use-assignments';

/**
 * One assignment: its own unit (a team, or an office such as the UBND's) acknowledges, takes the
 * photos the task asks for and reports done; staff may urge the unit.
 */
export function AssignmentPage() {
  const { id = '' } = useParams();
  const query = useAssignment(id);
  const { session } = useSession();
  const isStaff = inRoleGroup(session?.role, 'officeWriters');
  return (
    <PageShell title="Nhiệm vụ" showBack>
      <QueryGate query={query}>
        {(a) => (
          <article className="detail">
            <span className="card-kicker">{taskKindLabels[a.kind]}</span>
            <h1 className="detail-title">{a.title}</h1>
            <p className="detail-meta">
              {a.unitName} · Hạn {formatDateTimeVi(a.dueAt)}
            </p>
            <p>
              <span
                className={`status-chip status-${a.overdue ? 'overdue' : a.status}`}
                data-testid="assignment-status"
              >
                {assignmentStatusLabels[a.status]}
                {a.overdue ? ' · Trễ hạn' : ''}
              </span>
            </p>
            {a.description ? <p>{a.description}</p> : null}
            {a.placeName ? <p>Địa điểm: {a.placeName}</p> : null}
            {a.note || a.numberDone !== null ? (
              <p className="detail-meta">
                Báo cáo:{' '}
                {a.numberDone !== null ? `${a.evidenceNumberLabel ?? 'Số lượng'}: ${a.numberDone}. ` : ''}
                {a.note ?? ''}
              </p>
            ) : null}
            {a.cancelledAt ? (
              <p role="status" className="form-error">
                Nhiệm vụ đã bị hủy{a.cancelReason ? `: ${a.cancelReason}` : '.'}
              </p>
            ) : null}
            {a.photosRequired ? <PhotoLink assignment={a} /> : null}
            {a.unitId === session?.unitId && !a.cancelledAt ? <TeamActions assignment={a} /> : null}
            {isStaff && !a.cancelledAt && ['pending', 'acknowledged', 'needs_fix'].includes(a.status) ? (
              <UrgeOne assignment={a} />
            ) : null}
          </article>
        )}
      </QueryGate>
    </PageShell>
  );
}

/** The task's photos: how many it has of what it asks, and the way to the photo screen. */
function PhotoLink({ assignment }: { assignment: Assignment }) {
  const navigate = useNavigate();
  const missing = photosMissing(assignment);
  const reportedWithout =
    missing > 0 && (assignment.status === 'submitted' || assignment.status === 'accepted');
  return (
    <section className="actions" aria-label="Ảnh minh chứng">
      <p className="detail-meta">
        Ảnh minh chứng: {photoProgress(assignment)} ảnh
        {assignment.locationRequired ? ' · chụp tại địa điểm của nhiệm vụ' : ''}
      </p>
      {reportedWithout ? (
        <p className="photo-note" data-testid="photos-missing-note">
          Đã báo hoàn thành khi còn thiếu {missing} ảnh minh chứng.
        </p>
      ) : null}
      <Button
        fullWidth
        size="large"
        variant={missing > 0 ? 'primary' : 'secondary'}
        onClick={() => navigate(assignmentEvidencePath(assignment.id))}
      >
        {missing > 0 ? 'Chụp ảnh minh chứng' : 'Xem ảnh minh chứng'}
      </Button>
    </section>
  );
}

function TeamActions({ assignment }: { assignment: Assignment }) {
  const ack = useAcknowledge(assignment.id);
  const done = useMarkDone(assignment.id);
  const { openSnackbar } = useSnackbar();
  // The form is for the next report; what was already reported shows above it ("Báo cáo: …").
  const [note, setNote] = useState('');
  const [number, setNumber] = useState('');
  const numberLabel = assignment.evidenceNumberLabel ?? 'Số lượng đã thực hiện (nếu có)';
  const numberValid = number === '' || /^\d{1,6}$/.test(number);
  const submit = () =>
    done.mutate(
      {
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(number !== '' ? { numberDone: Number(number) } : {}),
      },
      {
        onSuccess: () => {
          setNote('');
          setNumber('');
          openSnackbar({ text: 'Đã gửi báo cáo hoàn thành.', type: 'success' });
        },
      },
    );
  return (
    <div className="actions">
      {assignment.status === 'pending' ? (
        <Button
          fullWidth
          size="large"
          loading={ack.isPending}
          onClick={() =>
            ack.mutate(undefined, {
              onSuccess: () =>
                openSnackbar({
                  text: 'Đã xác nhận nhận nhiệm vụ. Văn phòng sẽ thấy đơn vị đã nhận.',
                  type: 'success',
                }),
            })
          }
        >
          Xác nhận đã nhận nhiệm vụ
        </Button>
      ) : null}
      <ErrorNote error={ack.error} />
      {assignment.status !== 'accepted' ? (
        <section className="form" aria-label="Báo cáo hoàn thành">
          <Input
            label={numberLabel}
            aria-label={numberLabel}
            inputMode="numeric"
            value={number}
            status={numberValid ? undefined : 'error'}
            errorText="Nhập số nguyên không âm, ví dụ 14"
            onChange={(event) => setNumber(event.target.value.trim())}
          />
          {assignment.kind === 'article' ? <PublishedPiecePicker onPick={setNote} /> : null}
          <Input.TextArea
            label="Ghi chú"
            aria-label="Ghi chú"
            value={note}
            maxLength={2000}
            onChange={(event) => setNote(event.target.value)}
          />
          <ErrorNote error={done.error} />
          <Button
            fullWidth
            size="large"
            variant="secondary"
            loading={done.isPending}
            disabled={!numberValid || (note.trim() === '' && number === '')}
            onClick={submit}
          >
            Báo cáo hoàn thành
          </Button>
        </section>
      ) : null}
    </div>
  );
}

function UrgeOne({ assignment }: { assignment: Assignment }) {
  const urge = useUrge(assignment.campaignId);
  const { openSnackbar } = useSnackbar();
  return (
    <div className="actions">
      <ConfirmButton
        title="Nhắc tổ này?"
        description={`Gửi tin nhắc việc tới các thành viên ${assignment.unitName}.`}
        confirmText="Gửi nhắc"
        loading={urge.isPending}
        variant="secondary"
        onConfirm={() =>
          urge.mutate(
            { assignmentId: assignment.id },
            {
              onSuccess: (r) =>
                openSnackbar({
                  text: r.queued > 0 ? `Đã xếp ${r.queued} tin nhắc để gửi.` : 'Tổ này vừa được nhắc rồi.',
                  type: 'success',
                }),
              onError: (e) => openSnackbar({ text: errorText(e), type: 'error' }),
            },
          )
        }
      >
        Nhắc tổ
      </ConfirmButton>
    </div>
  );
}
