import { formatDateTimeVi, isTeamRole } from '@loa/shared';
import { useNavigate } from 'react-router-dom';
import { Button, List } from 'zmp-ui';
import { useSession } from '../auth/use-session';
import { CardList } from '../components/card-list';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { SignInNeeded } from '../components/sign-in-needed';
import { assignmentEvidencePath } from '../routes-meta';
import { assignmentStatusLabels, taskKindLabels } from '../tasks/labels';
import { photoProgress } from '../tasks/photos';
import { useMyAssignments } from '../tasks/use-assignments';

/**
 * Nhiệm vụ: my unit's tasks (a khu phố team's, or an office's such as the UBND's banner), unfinished
 * first, with status and due time. A task that asks for photos has its photo screen one tap away.
 */
export function TasksPage() {
  const { session } = useSession();
  const query = useMyAssignments();
  const navigate = useNavigate();
  if (!session) return <SignInNeeded title="Nhiệm vụ" />;
  return (
    <PageShell title="Nhiệm vụ">
      <QueryGate
        query={query}
        lastKnown
        isEmpty={(data) => data.assignments.length === 0}
        empty={
          isTeamRole(session.role)
            ? 'Tổ của bạn chưa có nhiệm vụ nào.'
            : 'Đơn vị của bạn chưa có nhiệm vụ nào.'
        }
      >
        {({ assignments }) => (
          <CardList>
            {assignments.map((a) => (
              <List.Item key={a.id}>
                <button
                  type="button"
                  className="card-button"
                  onClick={() => navigate(`/assignments/${a.id}`)}
                >
                  <span className="card-kicker">{taskKindLabels[a.kind]}</span>
                  <strong>{a.title}</strong>
                  <span className="card-meta">
                    <span className={`status-chip status-${a.overdue ? 'overdue' : a.status}`}>
                      {a.overdue ? 'Trễ hạn' : assignmentStatusLabels[a.status]}
                    </span>
                    Hạn {formatDateTimeVi(a.dueAt)}
                  </span>
                </button>
                {a.photosRequired ? (
                  <div className="card-actions">
                    <Button
                      size="small"
                      variant="secondary"
                      onClick={() => navigate(assignmentEvidencePath(a.id))}
                    >
                      {`Ảnh minh chứng (${photoProgress(a)})`}
                    </Button>
                  </div>
                ) : null}
              </List.Item>
            ))}
          </CardList>
        )}
      </QueryGate>
    </PageShell>
  );
}
