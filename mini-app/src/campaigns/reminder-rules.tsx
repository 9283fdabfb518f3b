import {
  isDailyReminder,
  REMINDER_OFFSET_MAX_MINUTES,
  type ReminderRule,
  type ReminderRuleKind,
  type ReminderRuleList,
  reminderRuleProblem,
} from '@loa/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'zmp-ui';
import { Row, RowList } from '../components/card-list';
import { QueryGate } from '../components/query-gate';
import { errorText } from '../lib/error-text';
import { request } from '../lib/request';

/** The units a wait is entered in; a stored wait shows in the largest unit that divides it. */
const UNITS = [
  { key: 'day', words: 'ngày', minutes: 24 * 60 },
  { key: 'hour', words: 'giờ', minutes: 60 },
  { key: 'minute', words: 'phút', minutes: 1 },
] as const;
type UnitKey = (typeof UNITS)[number]['key'];
const unitOf = (key: UnitKey) => UNITS.find((u) => u.key === key)!;

/** A rule as the form holds it: the wait as typed (amount and unit) and the time as picked. */
interface Draft {
  rule: ReminderRule;
  amount: string;
  unit: UnitKey;
  time: string;
}

function toDraft(rule: ReminderRule): Draft {
  const minutes = rule.offsetMinutes ?? 24 * 60;
  const unit = UNITS.find((u) => minutes > 0 && minutes % u.minutes === 0) ?? unitOf('minute');
  return { rule, amount: String(minutes / unit.minutes), unit: unit.key, time: rule.timeOfDay ?? '' };
}

/** What the wait means to a person: "2 ngày"; the typed text as is while it is not a number yet. */
const waitWords = (draft: Draft) => `${draft.amount.trim() || '?'} ${unitOf(draft.unit).words}`;

/**
 * The rule as it will be saved, or the first thing to fix in Vietnamese. The wait is checked here in the
 * person's units ("2,5 giờ" is not a whole number); the rest by the rule the server applies too.
 */
function fromDraft(draft: Draft): { rule: ReminderRule } | { problem: string } {
  const { rule } = draft;
  if (isDailyReminder(rule.kind)) {
    const saved = { ...rule, timeOfDay: draft.time || null };
    const problem = reminderRuleProblem(saved);
    return problem ? { problem } : { rule: saved };
  }
  if (rule.kind === 'at_due') return { rule };
  if (!/^\d+$/.test(draft.amount.trim()))
    return { problem: 'Hãy nhập số nguyên lớn hơn 0 (ví dụ 24 giờ hoặc 1 ngày).' };
  const offsetMinutes = Number(draft.amount.trim()) * unitOf(draft.unit).minutes;
  if (offsetMinutes > REMINDER_OFFSET_MAX_MINUTES) return { problem: 'Thời gian nhắc tối đa là 30 ngày.' };
  const saved = { ...rule, offsetMinutes };
  const problem = reminderRuleProblem(saved);
  return problem ? { problem } : { rule: saved };
}

/** What each rule does, in the words of the campaign screen, with the values being edited. */
function describe(draft: Draft): string {
  switch (draft.rule.kind) {
    case 'after_assigned':
      return `Nhắc đơn vị chưa xác nhận nhận việc, ${waitWords(draft)} sau khi giao`;
    case 'before_due':
      return `Nhắc đơn vị chưa xong, ${waitWords(draft)} trước hạn`;
    case 'at_due':
      return 'Nhắc đơn vị chưa xong, đúng giờ hạn';
    case 'after_due':
      return `Nhắc đơn vị chưa xong, ${waitWords(draft)} sau hạn`;
    case 'daily_at':
      return `Nhắc đơn vị chưa xong lúc ${draft.time || '?'} mỗi ngày`;
    case 'overdue_daily_at':
      return `Lúc ${draft.time || '?'} mỗi sáng: nhắc đơn vị trễ hạn`;
  }
}

/** The label of a rule's field, which names the rule so each field is found by its own words. */
const FIELD_LABELS: Record<ReminderRuleKind, string> = {
  after_assigned: 'Nhắc sau khi giao',
  before_due: 'Nhắc trước hạn',
  at_due: '',
  after_due: 'Nhắc sau hạn',
  daily_at: 'Giờ nhắc mỗi ngày',
  overdue_daily_at: 'Giờ nhắc trễ hạn mỗi sáng',
};

/**
 * Nhắc việc: the campaign's reminder rules (defaults from creation). Staff switch each rule on or off
 * and change its wait (hours or days from assignment or due time) or its time of day.
 */
export function ReminderRules({ campaignId, canEdit }: { campaignId: string; canEdit: boolean }) {
  const key = ['campaigns', campaignId, 'reminder-rules'];
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      request<ReminderRuleList>(`/api/campaigns/${campaignId}/reminder-rules`, { signal }),
  });
  return (
    <section className="card" data-testid="reminder-rules">
      <h2>Nhắc việc tự động</h2>
      <QueryGate query={query}>
        {({ rules }) => (
          <RuleForm
            key={rules.map((r) => r.id).join()}
            campaignId={campaignId}
            rules={rules}
            canEdit={canEdit}
            queryKey={key}
          />
        )}
      </QueryGate>
    </section>
  );
}

function RuleForm(props: {
  campaignId: string;
  rules: ReminderRule[];
  canEdit: boolean;
  queryKey: string[];
}) {
  const [drafts, setDrafts] = useState<Draft[]>(() => props.rules.map(toDraft));
  // Problems are shown once a save was tried, so a half-typed number is not scolded while typing.
  const [tried, setTried] = useState(false);
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (rules: ReminderRule[]) =>
      request<ReminderRuleList>(`/api/campaigns/${props.campaignId}/reminder-rules`, {
        method: 'PUT',
        body: { rules },
      }),
    onSuccess: (saved) => {
      setTried(false);
      client.setQueryData(props.queryKey, saved);
    },
  });
  const checked = drafts.map(fromDraft);
  const edit = (index: number, change: Partial<Draft>) => {
    // A new edit makes "Đã lưu" and the last refusal out of date.
    save.reset();
    setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...change } : d)));
  };
  const submit = () => {
    setTried(true);
    const rules = checked.flatMap((c) => ('rule' in c ? [c.rule] : []));
    if (rules.length === checked.length) save.mutate(rules);
  };
  if (drafts.length === 0) return <p className="muted">Kế hoạch này chưa có quy tắc nhắc việc.</p>;
  return (
    <>
      <RowList label="Quy tắc nhắc việc">
        {drafts.map((draft, index) => {
          const { rule } = draft;
          const check = checked[index]!;
          const problem = tried && 'problem' in check ? check.problem : null;
          const label = FIELD_LABELS[rule.kind];
          return (
            <Row key={rule.id} data-rule={rule.kind}>
              <label>
                <input
                  type="checkbox"
                  checked={rule.active}
                  disabled={!props.canEdit}
                  onChange={(event) => edit(index, { rule: { ...rule, active: event.target.checked } })}
                />{' '}
                {describe(draft)}
                {rule.escalate ? '; gửi tổng hợp cho cán bộ và lãnh đạo' : ''}
              </label>
              {props.canEdit && rule.kind !== 'at_due' ? (
                <div className="rule-fields">
                  {isDailyReminder(rule.kind) ? (
                    <label className="native-field">
                      <span>{label}</span>
                      <input
                        type="time"
                        value={draft.time}
                        aria-invalid={problem ? true : undefined}
                        onChange={(event) => edit(index, { time: event.target.value })}
                      />
                    </label>
                  ) : (
                    <>
                      <label className="native-field">
                        <span>{label}</span>
                        <input
                          type="text"
                          inputMode="numeric"
                          value={draft.amount}
                          aria-invalid={problem ? true : undefined}
                          onChange={(event) => edit(index, { amount: event.target.value })}
                        />
                      </label>
                      <label className="native-field">
                        <span>Tính theo</span>
                        <select
                          aria-label={`${label}: tính theo`}
                          value={draft.unit}
                          onChange={(event) => edit(index, { unit: event.target.value as UnitKey })}
                        >
                          {UNITS.map((u) => (
                            <option key={u.key} value={u.key}>
                              {u.words}
                            </option>
                          ))}
                        </select>
                      </label>
                    </>
                  )}
                </div>
              ) : null}
              {problem ? (
                <p className="form-error" role="alert">
                  {problem}
                </p>
              ) : null}
            </Row>
          );
        })}
      </RowList>
      {tried && checked.some((c) => 'problem' in c) ? (
        <p className="form-error" role="alert">
          Chưa lưu: hãy sửa quy tắc báo lỗi ở trên rồi lưu lại.
        </p>
      ) : null}
      {save.isError ? (
        <p className="form-error" role="alert">
          Chưa lưu được: {errorText(save.error)}
        </p>
      ) : null}
      {save.isSuccess ? <p role="status">Đã lưu quy tắc nhắc việc.</p> : null}
      {props.canEdit ? (
        <Button size="small" variant="secondary" loading={save.isPending} onClick={submit}>
          Lưu quy tắc nhắc việc
        </Button>
      ) : null}
    </>
  );
}
