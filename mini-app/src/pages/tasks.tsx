import { formatDateTimeVi } from '@loa/shared';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../auth/use-session';
import { Card, CardList } from '../components/card-list';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { SignInNeeded } from '../components/sign-in-needed';
import { assignmentStatusLabels, taskKindLabels } from '../tasks/labels';
import { useMyAssignments } from '../tasks/use-assignments';

/** Nhiệm vụ: my team's tasks, unfinished first, with status and due time. */
export function TasksPage() {
  const { session } = useSession();
  const query = useMyAssignments();
  const navigate = useNavigate();
  if (!session) return <SignInNeeded title="Nhiệm vụ" />;
  return (
    <PageShell title="Nhiệm vụ">
      <QueryGate
        query={query}
        isEmpty={(data) => data.assignments.length === 0}
        empty="Tổ của bạn chưa có nhiệm vụ nào."
      >
        {({ assignments }) => (
          <CardList>
            {assignments.map((a) => (
              <Card key={a.id} onOpen={() => navigate(`/assignments/${a.id}`)}>
                <span className="card-kicker">{taskKindLabels[a.kind]}</span>
                <strong>{a.title}</strong>
                <span className="card-meta">
                  <span className={`status-chip status-${a.overdue ? 'overdue' : a.status}`}>
                    {a.overdue ? 'Trễ hạn' : assignmentStatusLabels[a.status]}
                  </span>
                  Hạn {formatDateTimeVi(a.dueAt)}
                </span>
              </Card>
            ))}
          </CardList>
        )}
      </QueryGate>
    </PageShell>
  );
}
