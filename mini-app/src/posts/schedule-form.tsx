import { type ScheduleInput, wardClock, wardInstant } from '@loa/shared';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button } from 'zmp-ui';
import { Row, RowList } from '../components/card-list';
import { ErrorNote } from '../components/status-views';
import { WardDayField, WardTimeField, wardToday } from '../components/ward-date-fields';
import { useLoudspeakerSlots } from '../loudspeaker/slots';
import { TargetPicker } from './target-picker';
import { useSchedulePost } from './use-posts';

/** The next whole hour in the ward, as the first suggestion for a one-off send. */
function nextHour(): string {
  const hour = Math.floor(wardClock(new Date()).minute / 60);
  return `${String((hour + 1) % 24).padStart(2, '0')}:00`;
}

/** Lên lịch: once (a day and a time) or daily (times between two days), to chosen groups and the loudspeaker. */
export function ScheduleForm({ postId }: { postId: string }) {
  const schedule = useSchedulePost(postId);
  const [kind, setKind] = useState<'once' | 'daily'>('daily');
  const [day, setDay] = useState(wardToday);
  const [endDay, setEndDay] = useState(wardToday);
  const [time, setTime] = useState(nextHour);
  const [times, setTimes] = useState(['07:00', '17:00']);
  const [chosen, setChosen] = useState<string[]>([]);
  const [loudspeaker, setLoudspeaker] = useState(false);

  const submit = () => {
    const targets = { groupIds: chosen, loudspeaker };
    const input: ScheduleInput =
      kind === 'once'
        ? { kind, runAt: wardInstant(day, time).toISOString(), targets }
        : { kind, startsOn: day, endsOn: endDay, timesOfDay: [...times].sort(), targets };
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
      <WardDayField label={kind === 'daily' ? 'Từ ngày' : 'Ngày gửi'} value={day} onChange={setDay} />
      {kind === 'daily' ? (
        <>
          <WardDayField
            label="Đến ngày"
            value={endDay}
            onChange={setEndDay}
            error={endDay < day ? 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu' : undefined}
          />
          <DailyTimes times={times} onChange={setTimes} />
        </>
      ) : (
        <WardTimeField label="Giờ gửi" value={time} onChange={setTime} />
      )}
      <TargetPicker
        chosen={chosen}
        onChange={setChosen}
        loudspeaker={loudspeaker}
        onLoudspeaker={setLoudspeaker}
      />
      {loudspeaker ? (
        <LoudspeakerSlotsHint
          onUse={(slots) => (kind === 'daily' ? setTimes(slots) : setTime(slots[0] ?? time))}
        />
      ) : null}
      <ErrorNote error={schedule.error} />
      {schedule.isSuccess ? <p role="status">Đã lên lịch.</p> : null}
      <Button
        htmlType="submit"
        size="large"
        fullWidth
        loading={schedule.isPending}
        disabled={
          (kind === 'daily' && (endDay < day || times.length === 0)) || (chosen.length === 0 && !loudspeaker)
        }
      >
        Lên lịch gửi
      </Button>
    </form>
  );
}

/** The times of day of a daily schedule: each one removable, a new one added with the time picker. */
function DailyTimes({ times, onChange }: { times: string[]; onChange: (times: string[]) => void }) {
  const [next, setNext] = useState('12:00');
  return (
    <fieldset className="daily-times">
      <legend>Giờ gửi mỗi ngày (giờ Việt Nam)</legend>
      <RowList label="Các giờ gửi mỗi ngày">
        {[...times].sort().map((t) => (
          <Row key={t}>
            {t}
            <Button
              size="small"
              variant="tertiary"
              aria-label={`Bỏ giờ ${t}`}
              onClick={() => onChange(times.filter((x) => x !== t))}
            >
              Bỏ
            </Button>
          </Row>
        ))}
      </RowList>
      <WardTimeField label="Thêm giờ" value={next} onChange={setNext} />
      <Button
        size="medium"
        variant="secondary"
        disabled={times.includes(next)}
        onClick={() => onChange([...times, next])}
      >
        Thêm {next}
      </Button>
    </fieldset>
  );
}

/** The times the ward's loudspeakers broadcast, offered when the loudspeaker is a target. */
function LoudspeakerSlotsHint({ onUse }: { onUse: (slots: string[]) => void }) {
  const slots = useLoudspeakerSlots();
  if (!slots.data) return null;
  return (
    <p className="field-hint loudspeaker-slots">
      Khung giờ phát loa của phường: {slots.data.timesOfDay.join(', ')}.{' '}
      <button type="button" className="link-button" onClick={() => onUse(slots.data.timesOfDay)}>
        Dùng khung giờ loa
      </button>{' '}
      <Link to="/setup/loudspeaker">Xem, sửa khung giờ</Link>
    </p>
  );
}
