import { formatPeriodVi, inRoleGroup } from '@loa/shared';
import { useNavigate } from 'react-router-dom';
import { Button } from 'zmp-ui';
import { useSession } from '../auth/use-session';
import { campaignStatusLabel } from '../campaigns/status';
import { useCampaigns } from '../campaigns/use-campaigns';
import { Card, CardList } from '../components/card-list';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { SignInNeeded } from '../components/sign-in-needed';
import { pageTitles } from '../routes-meta';

/** Kế hoạch: every plan of the ward, newest first. Staff create new ones here. */
export function CampaignsPage() {
  const { session } = useSession();
  const query = useCampaigns();
  const navigate = useNavigate();
  if (!session) return <SignInNeeded title={pageTitles.campaigns} />;
  const canWrite = inRoleGroup(session.role, 'officeWriters');
  return (
    <PageShell title={pageTitles.campaigns}>
      {canWrite ? (
        <div className="actions top">
          <Button fullWidth size="large" onClick={() => navigate('/campaigns/new')}>
            Tạo kế hoạch mới
          </Button>
          <Button fullWidth size="large" variant="secondary" onClick={() => navigate('/campaigns/import')}>
            Nhập từ văn bản kế hoạch
          </Button>
        </div>
      ) : null}
      <QueryGate query={query} isEmpty={(data) => data.campaigns.length === 0} empty="Chưa có kế hoạch nào.">
        {({ campaigns }) => (
          <CardList>
            {campaigns.map((c) => (
              <Card key={c.id} onOpen={() => navigate(`/campaigns/${c.id}`)}>
                <span className="card-kicker">{campaignStatusLabel(c)}</span>
                <strong>{c.title}</strong>
                <span className="card-meta">{formatPeriodVi(c.startsOn, c.endsOn)}</span>
              </Card>
            ))}
          </CardList>
        )}
      </QueryGate>
    </PageShell>
  );
}
