import type { ReminderRule } from '@loa/shared';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FetchCall, jsonResponse, renderPage, signInAs, stubFetchByUrl, testId } from '../test-utils';
import { ReminderRules } from './reminder-rules';

const campaignId = testId(20);
const url = `/api/campaigns/${campaignId}/reminder-rules`;

/** The rules every new campaign starts with (server/src/notifications/reminder-rules.ts). */
const defaults: ReminderRule[] = [
  {
    id: testId(21),
    kind: 'after_assigned',
    offsetMinutes: 1440,
    timeOfDay: null,
    escalate: false,
    active: true,
  },
  { id: testId(22), kind: 'before_due', offsetMinutes: 1440, timeOfDay: null, escalate: false, active: true },
  {
    id: testId(23),
    kind: 'overdue_daily_at',
    offsetMinutes: null,
    timeOfDay: '07:30',
    escalate: true,
    active: true,
  },
];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The server: GET answers the rules; PUT answers what `put` says (by default, the rules as sent). */
function stubServer(put: (body: { rules: ReminderRule[] }) => Response = (body) => jsonResponse(body)) {
  return stubFetchByUrl((requested, init) => {
    expect(requested).toBe(url);
    if (init?.method === 'PUT') return put(JSON.parse(String(init.body)));
    return jsonResponse({ rules: defaults });
  });
}

const puts = (calls: FetchCall[]) =>
  calls.filter((c) => c.init?.method === 'PUT').map((c) => JSON.parse(String(c.init!.body)));
const rule = (kind: string) => document.querySelector(`[data-rule="${kind}"]`) as HTMLElement;

describe('Nhắc việc tự động on the campaign screen', () => {
  it('edits the hours before due and the morning time, saves them, and shows the saved values', async () => {
    signInAs('staff');
    const calls = stubServer();
    renderPage(<ReminderRules campaignId={campaignId} canEdit />);
    expect(await screen.findByText(/Nhắc đơn vị chưa xong, 1 ngày trước hạn/)).toBeTruthy();
    expect(screen.getByText(/Lúc 07:30 mỗi sáng: nhắc đơn vị trễ hạn/)).toBeTruthy();

    // 1 ngày → 6 giờ before the due time; the morning escalation moves to 06:45.
    fireEvent.change(screen.getByLabelText('Nhắc trước hạn'), { target: { value: '6' } });
    fireEvent.change(screen.getByLabelText('Nhắc trước hạn: tính theo'), { target: { value: 'hour' } });
    fireEvent.change(screen.getByLabelText('Giờ nhắc trễ hạn mỗi sáng'), { target: { value: '06:45' } });
    expect(within(rule('before_due')).getByText(/6 giờ trước hạn/)).toBeTruthy();
    fireEvent.click(screen.getByText('Lưu quy tắc nhắc việc'));

    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Đã lưu quy tắc nhắc việc.');
    // The rules go back with their ids (so they are edited in place), with the new values only.
    expect(puts(calls)).toEqual([
      {
        rules: [
          defaults[0],
          { ...defaults[1], offsetMinutes: 6 * 60 },
          { ...defaults[2], timeOfDay: '06:45' },
        ],
      },
    ]);
    expect(screen.getByText(/Nhắc đơn vị chưa xong, 6 giờ trước hạn/)).toBeTruthy();
    expect(screen.getByText(/Lúc 06:45 mỗi sáng/)).toBeTruthy();
    expect((screen.getByLabelText('Nhắc trước hạn') as HTMLInputElement).value).toBe('6');
    expect((screen.getByLabelText('Giờ nhắc trễ hạn mỗi sáng') as HTMLInputElement).value).toBe('06:45');

    // Editing again makes "Đã lưu" out of date.
    fireEvent.change(screen.getByLabelText('Nhắc sau khi giao'), { target: { value: '2' } });
    expect(screen.queryByRole('status')).toBeNull();
    expect(within(rule('after_assigned')).getByText(/2 ngày sau khi giao/)).toBeTruthy();
  });

  it('says what to fix and sends nothing for a wait that is not a whole number, too long, or no time', async () => {
    signInAs('staff');
    const calls = stubServer();
    renderPage(<ReminderRules campaignId={campaignId} canEdit />);
    const wait = await screen.findByLabelText('Nhắc sau khi giao');
    const save = () => fireEvent.click(screen.getByText('Lưu quy tắc nhắc việc'));

    fireEvent.change(wait, { target: { value: '2,5' } });
    save();
    expect(within(rule('after_assigned')).getByRole('alert').textContent).toMatch(/số nguyên lớn hơn 0/);
    expect(screen.getByText(/hãy sửa quy tắc báo lỗi ở trên/)).toBeTruthy();

    fireEvent.change(wait, { target: { value: '31' } });
    save();
    expect(within(rule('after_assigned')).getByRole('alert').textContent).toMatch(/tối đa là 30 ngày/);

    fireEvent.change(wait, { target: { value: '0' } });
    save();
    expect(within(rule('after_assigned')).getByRole('alert').textContent).toMatch(/lớn hơn 0/);

    fireEvent.change(wait, { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('Giờ nhắc trễ hạn mỗi sáng'), { target: { value: '' } });
    save();
    expect(within(rule('overdue_daily_at')).getByRole('alert').textContent).toMatch(/cần giờ nhắc/);
    expect(within(rule('after_assigned')).queryByRole('alert')).toBeNull();
    expect(puts(calls)).toEqual([]);
  });

  it("shows the server's refusal and keeps what was typed", async () => {
    signInAs('staff');
    stubServer(() =>
      jsonResponse(
        {
          code: 'VALIDATION_FAILED',
          message: 'Quy tắc thứ 2: Thời gian nhắc tối đa là 30 ngày.',
          statusCode: 400,
        },
        400,
      ),
    );
    renderPage(<ReminderRules campaignId={campaignId} canEdit />);
    fireEvent.change(await screen.findByLabelText('Nhắc trước hạn'), { target: { value: '3' } });
    fireEvent.click(screen.getByText('Lưu quy tắc nhắc việc'));
    await waitFor(() =>
      expect(
        screen.getByText(/Chưa lưu được: Quy tắc thứ 2: Thời gian nhắc tối đa là 30 ngày./),
      ).toBeTruthy(),
    );
    expect(screen.queryByRole('status')).toBeNull();
    expect((screen.getByLabelText('Nhắc trước hạn') as HTMLInputElement).value).toBe('3');
  });

  it('shows a leader the rules without fields to change them', async () => {
    signInAs('leader');
    stubServer();
    renderPage(<ReminderRules campaignId={campaignId} canEdit={false} />);
    expect(await screen.findByText(/Nhắc đơn vị chưa xác nhận nhận việc, 1 ngày sau khi giao/)).toBeTruthy();
    expect(screen.queryByLabelText('Nhắc trước hạn')).toBeNull();
    expect(screen.queryByText('Lưu quy tắc nhắc việc')).toBeNull();
  });
});
