import { type ScheduleInput, wardInstant } from '@loa/shared';
import { useState } from 'react';
import { Button } from 'zmp-ui';
import { ErrorNote } from '../components/status-views';
import { useGroups, useSchedulePost } from './use-posts';

/** Lên lịch: once (a day and a time) or daily (times between two days), to chosen groups and the loudspeaker. */
export function ScheduleForm({ postId }: { postId: string }) {
  const groups = useGroups();
  const schedule = useSchedulePost(postId);
  const [kind, setKind] = useState<'once' | 'daily'>('daily');
  const [day, setDay] = useState('');
  const [endDay, setEndDay] = useState('');
  const [times, setTimes] = useState('07:00, 17:00');
  const [chosen, setChosen] = useState<string[]>([]);
  const [loudspeaker, setLoudspeaker] = useState(false);

  const submit = () => {
    const targets = { groupIds: chosen, loudspeaker };
    const timesOfDay = times.split(/[,\s]+/).filter(Boolean);
    const input: ScheduleInput =
      kind === 'once'
        ? { kind, runAt: wardInstant(day, timesOfDay[0] ?? '07:00').toISOString(), targets }
        : { kind, startsOn: day, endsOn: endDay || day, timesOfDay, targets };
    schedule.mutate(input);
  };
  return (
    <form
      className="schedule-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <fieldset>
        <legend>Kiểu lịch</legend>
        <label>
          <input type="radio" checked={kind === 'daily'} onChange={() => setKind('daily')} /> Hằng ngày
        </label>
        <label>
          <input type="radio" checked={kind === 'once'} onChange={() => setKind('once')} /> Một lần
        </label>
      </fieldset>
      <label>
        {kind === 'daily' ? 'Từ ngày' : 'Ngày gửi'}{' '}
        <input type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
      </label>
      {kind === 'daily' ? (
        <label>
          Đến ngày <input type="date" required value={endDay} onChange={(e) => setEndDay(e.target.value)} />
        </label>
      ) : null}
      <label>
        Giờ gửi (giờ Việt Nam, 24 giờ, cách nhau bằng dấu phẩy)
        <input inputMode="numeric" value={times} onChange={(e) => setTimes(e.target.value)} />
      </label>
      <fieldset>
        <legend>Nơi nhận</legend>
        {groups.data?.groups.map((group) => (
          <label key={group.id} className="target-option">
            <input
              type="checkbox"
              checked={chosen.includes(group.id)}
              onChange={(e) =>
                setChosen((now) =>
                  e.target.checked ? [...now, group.id] : now.filter((id) => id !== group.id),
                )
              }
            />{' '}
            {group.name} ·{' '}
            {group.deliveryMode === 'oa_group'
              ? 'OA gửi trực tiếp'
              : `Tổ chia sẻ${group.responsibleUnitName ? `: ${group.responsibleUnitName}` : ''}`}
          </label>
        ))}
        <ErrorNote error={groups.error} />
        <label className="target-option">
          <input type="checkbox" checked={loudspeaker} onChange={(e) => setLoudspeaker(e.target.checked)} />{' '}
          Bài đọc trên loa cho các tổ
        </label>
      </fieldset>
      <ErrorNote error={schedule.error} />
      {schedule.isSuccess ? <p role="status">Đã lên lịch.</p> : null}
      <Button htmlType="submit" size="large" fullWidth loading={schedule.isPending}>
        Lên lịch gửi
      </Button>
    </form>
  );
}
