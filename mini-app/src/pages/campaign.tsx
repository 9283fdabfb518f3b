import { type Campaign, formatDateTimeVi, formatIsoDayVi, formatPeriodVi, inRoleGroup } from '@loa/shared';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, useSnackbar } from 'zmp-ui';
import { useSession } from '../auth/use-session';
import { ReminderRules } from '../campaigns/reminder-rules';
import { campaignStatusLabel } from '../campaigns/status';
import {
  useAssignTask,
  useCampaign,
  useCampaignAction,
  useCampaignTasks,
  useUnits,
} from '../campaigns/use-campaigns';
import { Card, CardList } from '../components/card-list';
import { ConfirmButton } from '../components/confirm-button';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { errorText } from '../lib/error-text';
import { ReportDownloads } from '../reports/report-downloads';
import { taskKindLabels } from '../tasks/labels';

/** One plan: its fields, what can be done next (approve, activate, close), and its tasks. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const query = useCampaign(id);
  return (
    <PageShell title="Kế hoạch" showBack>
      <QueryGate query={query}>{(campaign) => <CampaignDetail campaign={campaign} />}</QueryGate>
    </PageShell>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="campaign-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** "Số 123/KH-UBND · Dầu Giây, ngày 05/05/2026", with whatever parts the plan has. */
function documentLine(campaign: Pick<Campaign, 'number' | 'issuingPlace' | 'issuedOn'>): string {
  const date = campaign.issuedOn ? `ngày ${formatIsoDayVi(campaign.issuedOn)}` : '';
  const where = [campaign.issuingPlace, date].filter(Boolean).join(', ');
  return [campaign.number, where].filter(Boolean).join(' · ');
}

/**
 * The imported document as it was written, folded away: the plan's own dates and wording stay readable
 * even after the demo's or staff's edits moved the campaign's period.
 */
function SourceText({ text }: { text: string }) {
  return (
    <details className="source-text">
      <summary>Văn bản kế hoạch gốc</summary>
      <pre>{text}</pre>
    </details>
  );
}

function CampaignDetail({ campaign }: { campaign: Campaign }) {
  const { session } = useSession();
  const navigate = useNavigate();
  const action = useCampaignAction(campaign.id);
  const { openSnackbar } = useSnackbar();
  const staff = inRoleGroup(session?.role, 'officeWriters');
  const run = (verb: 'approve' | 'activate' | 'close', done: string) =>
    action.mutate(verb, {
      onSuccess: () => openSnackbar({ text: done, type: 'success' }),
      onError: (e) => openSnackbar({ text: errorText(e), type: 'error' }),
    });
  return (
    <article className="detail">
      <span className="card-kicker">{campaignStatusLabel(campaign)}</span>
      <h1 className="detail-title">{campaign.title}</h1>
      <dl>
        {campaign.issuingBody ? <Field label="Cơ quan ban hành">{campaign.issuingBody}</Field> : null}
        {campaign.number || campaign.issuingPlace || campaign.issuedOn ? (
          <Field label="Số văn bản">{documentLine(campaign)}</Field>
        ) : null}
        <Field label="Thời gian">{formatPeriodVi(campaign.startsOn, campaign.endsOn)}</Field>
        {campaign.theme ? <Field label="Chủ đề">“{campaign.theme}”</Field> : null}
        {campaign.slogans.length ? <Field label="Khẩu hiệu">{campaign.slogans.join(' · ')}</Field> : null}
        {campaign.purposes.length ? <Field label="Mục đích">{campaign.purposes.join(' ')}</Field> : null}
        {campaign.legalBases.length ? <Field label="Căn cứ">{campaign.legalBases.join('; ')}</Field> : null}
      </dl>
      <div className="actions">
        {session?.role === 'leader' && campaign.status === 'draft' ? (
          <ConfirmButton
            title="Duyệt kế hoạch này?"
            description="Sau khi duyệt, cán bộ có thể triển khai kế hoạch tới các tổ."
            confirmText="Duyệt"
            loading={action.isPending}
            onConfirm={() => run('approve', 'Đã duyệt kế hoạch.')}
          >
            Duyệt kế hoạch
          </ConfirmButton>
        ) : null}
        {staff && campaign.status !== 'active' && campaign.status !== 'closed' ? (
          <Button
            fullWidth
            size="large"
            variant="secondary"
            onClick={() => navigate(`/campaigns/${campaign.id}/edit`)}
          >
            Sửa kế hoạch
          </Button>
        ) : null}
        {staff && campaign.status === 'approved' ? (
          <ConfirmButton
            title="Triển khai kế hoạch?"
            description="Các tổ sẽ thấy nhiệm vụ của mình."
            confirmText="Triển khai"
            loading={action.isPending}
            onConfirm={() => run('activate', 'Đã triển khai kế hoạch.')}
          >
            Triển khai
          </ConfirmButton>
        ) : null}
        {staff && campaign.status === 'active' ? (
          <ConfirmButton
            title="Kết thúc kế hoạch?"
            description="Không thêm được nhiệm vụ sau khi kết thúc."
            confirmText="Kết thúc"
            variant="tertiary"
            loading={action.isPending}
            onConfirm={() => run('close', 'Đã kết thúc kế hoạch.')}
          >
            Kết thúc
          </ConfirmButton>
        ) : null}
        <Button
          fullWidth
          size="large"
          variant="tertiary"
          onClick={() => navigate(`/leaderboard/${campaign.id}`)}
        >
          Xem bảng tiến độ
        </Button>
      </div>
      {campaign.sourceText ? <SourceText text={campaign.sourceText} /> : null}
      <CampaignTasks campaign={campaign} canWrite={staff} />
      {inRoleGroup(session?.role, 'office') ? <ReportDownloads campaignId={campaign.id} /> : null}
      {inRoleGroup(session?.role, 'office') ? (
        <ReminderRules campaignId={campaign.id} canEdit={staff} />
      ) : null}
    </article>
  );
}

function CampaignTasks({ campaign, canWrite }: { campaign: Campaign; canWrite: boolean }) {
  const query = useCampaignTasks(campaign.id);
  const assign = useAssignTask(campaign.id);
  const units = useUnits();
  const teamCount = units.data?.units.filter((unit) => unit.kind === 'digital_team').length;
  const navigate = useNavigate();
  const { openSnackbar } = useSnackbar();
  return (
    <section aria-label="Nhiệm vụ">
      <h2 className="section-title">Nhiệm vụ</h2>
      {canWrite && campaign.status !== 'closed' ? (
        <Button
          fullWidth
          size="large"
          variant="secondary"
          onClick={() => navigate(`/campaigns/${campaign.id}/tasks/new`)}
        >
          Thêm nhiệm vụ
        </Button>
      ) : null}
      <QueryGate
        query={query}
        isEmpty={(data) => data.tasks.length === 0}
        empty="Kế hoạch chưa có nhiệm vụ nào."
      >
        {({ tasks }) => (
          <CardList>
            {tasks.map((task) => (
              <Card key={task.id}>
                <span className="card-kicker">{taskKindLabels[task.kind]}</span>
                <strong>{task.title}</strong>
                <span className="card-meta">
                  Hạn {formatDateTimeVi(task.dueAt)} · Đã giao {task.assignedCount} đơn vị
                  {task.evidencePhotoCount ? ` · ${task.evidencePhotoCount} ảnh` : ''}
                  {task.placeName ? ` · ${task.placeName}` : ''}
                </span>
                {task.cancelledAt ? (
                  <span className="card-meta">
                    <span className="status-chip status-overdue">Đã hủy</span>
                    {task.cancelReason}
                  </span>
                ) : null}
                {canWrite && !task.cancelledAt && campaign.status !== 'closed' ? (
                  <Button
                    size="small"
                    variant="tertiary"
                    onClick={() => navigate(`/campaigns/${campaign.id}/tasks/${task.id}/edit`)}
                  >
                    Sửa, hủy nhiệm vụ
                  </Button>
                ) : null}
                {canWrite && !task.cancelledAt ? (
                  <ConfirmButton
                    variant="tertiary"
                    title="Giao cho tất cả các tổ?"
                    description={`“${task.title}” sẽ được giao cho ${teamCount ? `cả ${teamCount} tổ công nghệ số` : 'tất cả các tổ công nghệ số'}. Các tổ nhận thông báo ngay và không thu hồi được.`}
                    confirmText="Giao cho tất cả"
                    loading={assign.isPending && assign.variables?.taskId === task.id}
                    onConfirm={() =>
                      assign.mutate(
                        { taskId: task.id, targets: { allTeams: true } },
                        {
                          onSuccess: (r) =>
                            openSnackbar({
                              text: `Đã giao thêm cho ${r.created} tổ (tổng ${r.total}).`,
                              type: 'success',
                            }),
                          onError: (e) => openSnackbar({ text: errorText(e), type: 'error' }),
                        },
                      )
                    }
                  >
                    Giao cho tất cả các tổ
                  </ConfirmButton>
                ) : null}
              </Card>
            ))}
          </CardList>
        )}
      </QueryGate>
    </section>
  );
}
