import {
  formatDateTimeVi,
  formatIsoDayVi,
  type Schedule,
  wardDayOf,
  wardInstant,
  wardTimeOf,
} from '@loa/shared';
import { useState } from 'react';
import { Button } from 'zmp-ui';
import { Row, RowList } from '../components/card-list';
import { ConfirmButton } from '../components/confirm-button';
import { QueryGate } from '../components/query-gate';
import { ErrorNote } from '../components/status-views';
import { WardDayField, WardTimeField } from '../components/ward-date-fields';
import { OccurrenceText } from './occurrence-text';
import { useEditOccurrence, useSchedules, useSetScheduleStatus } from './use-posts';

type Occurrence = Schedule['occurrences'][number];

const scheduleStatusLabels: Record<Schedule['status'], string> = {
  active: 'Đang chạy',
  paused: 'Tạm dừng',
  cancelled: 'Đã hủy',
};

/** What happened to one send, in words: only a send still ahead can be changed. */
function occurrenceLabel(occurrence: Occurrence, now: number): string {
  if (occurrence.status === 'dispatched') return 'Đã gửi';
  if (occurrence.status === 'cancelled') return 'Đã hủy';
  return new Date(occurrence.dueAt).getTime() <= now ? 'Đã qua giờ' : 'Chờ gửi';
}

/**
 * Lịch gửi of a post: each schedule with pause, resume and cancel (each asked first), and its sends;
 * a send still ahead can be moved, cancelled or given its own text, a send that went out or whose time has passed is
 * read-only. The server enforces the same rules and audits each change.
 */
export function ScheduleList({ postId }: { postId: string }) {
  const query = useSchedules(postId);
  return (
    <QueryGate
      query={query}
      isEmpty={(data) => data.schedules.length === 0}
      empty="Bài này chưa có lịch gửi."
    >
      {({ schedules }) => (
        <RowList label="Lịch gửi">
          {schedules.map((schedule) => (
            <ScheduleCard key={schedule.id} schedule={schedule} />
          ))}
        </RowList>
      )}
    </QueryGate>
  );
}

function describe(schedule: Schedule): string {
  const targets = [
    schedule.targets.groupIds.length ? `${schedule.targets.groupIds.length} nhóm Zalo` : '',
    schedule.targets.loudspeaker ? 'loa phát thanh' : '',
  ]
    .filter(Boolean)
    .join(' và ');
  const when =
    schedule.kind === 'once' && schedule.runAt
      ? `Một lần lúc ${formatDateTimeVi(schedule.runAt)}`
      : `Hằng ngày ${(schedule.timesOfDay ?? []).join(', ')} từ ${formatIsoDayVi(schedule.startsOn ?? '')} đến ${formatIsoDayVi(schedule.endsOn ?? '')}`;
  return `${when} · ${targets}`;
}

function ScheduleCard({ schedule }: { schedule: Schedule }) {
  const setStatus = useSetScheduleStatus();
  const [showAll, setShowAll] = useState(false);
  const now = Date.now();
  const ahead = schedule.occurrences.filter(
    (o) => o.status === 'pending' && new Date(o.dueAt).getTime() > now,
  );
  const done = schedule.occurrences.length - ahead.length;
  const shown = showAll ? schedule.occurrences : ahead.slice(0, 5);
  const change = (status: 'active' | 'paused' | 'cancelled') => setStatus.mutate({ id: schedule.id, status });
  // A running schedule offers a pause, a paused one its resumption: one button, two texts.
  const pauseOrResume =
    schedule.status === 'active'
      ? {
          next: 'paused' as const,
          label: 'Tạm dừng',
          title: 'Tạm dừng lịch gửi này?',
          description:
            'Trong lúc tạm dừng không lượt nào được gửi. Khi tiếp tục, các lượt đã qua giờ sẽ bị bỏ qua, không gửi bù.',
        }
      : {
          next: 'active' as const,
          label: 'Tiếp tục',
          title: 'Tiếp tục lịch gửi này?',
          description:
            'Các lượt sắp tới sẽ được gửi đúng giờ. Các lượt đã qua giờ trong lúc tạm dừng không được gửi bù.',
        };
  return (
    <Row className="schedule-card" data-status={schedule.status}>
      <p>
        <strong className="schedule-status">{scheduleStatusLabels[schedule.status]}</strong> ·{' '}
        {describe(schedule)}
      </p>
      <p className="detail-meta">
        {ahead.length} lượt sắp tới · {done} lượt đã gửi, đã qua hoặc đã hủy
      </p>
      {schedule.status !== 'cancelled' ? (
        <div className="schedule-actions">
          <ConfirmButton
            variant="secondary"
            size="medium"
            title={pauseOrResume.title}
            description={pauseOrResume.description}
            confirmText={pauseOrResume.label}
            loading={setStatus.isPending}
            onConfirm={() => change(pauseOrResume.next)}
          >
            {pauseOrResume.label}
          </ConfirmButton>
          <ConfirmButton
            variant="tertiary"
            size="medium"
            title="Hủy lịch gửi này?"
            description={`${ahead.length} lượt sắp tới sẽ bị hủy và không thể khôi phục. Các lượt đã gửi vẫn giữ trong nhật ký.`}
            confirmText="Hủy lịch"
            loading={setStatus.isPending}
            onConfirm={() => change('cancelled')}
          >
            Hủy lịch
          </ConfirmButton>
        </div>
      ) : null}
      <ErrorNote error={setStatus.error} />
      <RowList label="Các lượt gửi">
        {shown.map((occurrence) => (
          <OccurrenceRow
            key={occurrence.id}
            occurrence={occurrence}
            label={occurrenceLabel(occurrence, now)}
            editable={
              schedule.status !== 'cancelled' &&
              occurrence.status === 'pending' &&
              new Date(occurrence.dueAt).getTime() > now
            }
          />
        ))}
      </RowList>
      {schedule.occurrences.length > 5 || done > 0 ? (
        <button type="button" className="link-button" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Chỉ xem các lượt sắp tới' : `Xem tất cả ${schedule.occurrences.length} lượt`}
        </button>
      ) : null}
    </Row>
  );
}

function OccurrenceRow({
  occurrence,
  label,
  editable,
}: {
  occurrence: Occurrence;
  label: string;
  editable: boolean;
}) {
  const edit = useEditOccurrence();
  const [editing, setEditing] = useState(false);
  const [day, setDay] = useState(() => wardDayOf(occurrence.dueAt));
  const [time, setTime] = useState(() => wardTimeOf(occurrence.dueAt));
  return (
    <Row className="occurrence-row" data-status={label}>
      <span>{formatDateTimeVi(occurrence.dueAt)}</span> · <span className="occurrence-status">{label}</span>
      {occurrence.bodyOverride ? <span className="detail-meta"> · nội dung riêng</span> : null}
      {editable && !editing ? (
        <button type="button" className="link-button" onClick={() => setEditing(true)}>
          Sửa lượt này
        </button>
      ) : null}
      {editable && editing ? (
        <div className="occurrence-edit">
          <WardDayField label="Ngày gửi mới" value={day} onChange={setDay} />
          <WardTimeField label="Giờ gửi mới" value={time} onChange={setTime} />
          <Button
            size="medium"
            loading={edit.isPending}
            onClick={() =>
              edit.mutate(
                { id: occurrence.id, dueAt: wardInstant(day, time).toISOString() },
                { onSuccess: () => setEditing(false) },
              )
            }
          >
            Lưu giờ mới
          </Button>
          <OccurrenceText id={occurrence.id} bodyOverride={occurrence.bodyOverride} />
          <ConfirmButton
            variant="tertiary"
            size="medium"
            title="Hủy lượt gửi này?"
            description="Lượt này sẽ không được gửi và không thể khôi phục. Các lượt khác của lịch vẫn giữ nguyên."
            confirmText="Hủy lượt"
            loading={edit.isPending}
            onConfirm={() => edit.mutate({ id: occurrence.id, cancel: true })}
          >
            Hủy lượt này
          </ConfirmButton>
          <Button size="medium" variant="tertiary" onClick={() => setEditing(false)}>
            Đóng
          </Button>
        </div>
      ) : null}
      <ErrorNote error={edit.error} />
    </Row>
  );
}
