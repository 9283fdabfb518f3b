import type { ReminderRule, ReminderRuleInput, ReminderRuleList } from '@loa/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useSnackbar } from 'zmp-ui';
import { QueryGate } from '../components/query-gate';
import { errorText } from '../lib/error-text';
import { request } from '../lib/request';

/** What each rule does, in the words of the campaign screen. */
function describe(rule: ReminderRuleInput): string {
  const hours = rule.offsetMinutes === null ? '' : `${Math.round(rule.offsetMinutes / 60)} giờ`;
  switch (rule.kind) {
    case 'after_assigned':
      return `Nhắc đơn vị chưa xác nhận nhận việc, ${hours} sau khi giao`;
    case 'before_due':
      return `Nhắc đơn vị chưa xong, ${hours} trước hạn`;
    case 'at_due':
      return 'Nhắc đơn vị chưa xong, đúng giờ hạn';
    case 'after_due':
      return `Nhắc đơn vị chưa xong, ${hours} sau hạn`;
    case 'daily_at':
      return `Nhắc đơn vị chưa xong lúc ${rule.timeOfDay} mỗi ngày`;
    case 'overdue_daily_at':
      return `Lúc ${rule.timeOfDay} mỗi sáng: nhắc đơn vị trễ hạn`;
  }
}

/** Nhắc việc: the campaign's reminder rules (defaults from creation); staff switch them on or off. */
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
  const [rules, setRules] = useState<ReminderRule[]>(props.rules);
  const client = useQueryClient();
  const { openSnackbar } = useSnackbar();
  const save = useMutation({
    mutationFn: () =>
      request<ReminderRuleList>(`/api/campaigns/${props.campaignId}/reminder-rules`, {
        method: 'PUT',
        body: { rules },
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: props.queryKey });
      openSnackbar({ text: 'Đã lưu quy tắc nhắc việc.', type: 'success' });
    },
  });
  if (rules.length === 0) return <p className="muted">Kế hoạch này chưa có quy tắc nhắc việc.</p>;
  return (
    <>
      <ul className="setup-list">
        {rules.map((rule, index) => (
          <li key={rule.id}>
            <label>
              <input
                type="checkbox"
                checked={rule.active}
                disabled={!props.canEdit}
                onChange={(event) =>
                  setRules((all) =>
                    all.map((r, i) => (i === index ? { ...r, active: event.target.checked } : r)),
                  )
                }
              />{' '}
              {describe(rule)}
              {rule.escalate ? '; gửi tổng hợp cho cán bộ và lãnh đạo' : ''}
            </label>
          </li>
        ))}
      </ul>
      {save.isError ? <p className="form-error">{errorText(save.error)}</p> : null}
      {props.canEdit ? (
        <Button size="small" variant="secondary" loading={save.isPending} onClick={() => save.mutate()}>
          Lưu quy tắc nhắc việc
        </Button>
      ) : null}
    </>
  );
}
