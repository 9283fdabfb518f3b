import type { Board, BoardCell } from '@loa/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { assignmentStatusLabels } from '../tasks/labels';

const cellMarks: Record<BoardCell['status'], string> = {
  pending: '·',
  acknowledged: '✓',
  submitted: '✓✓',
  accepted: '★',
  needs_fix: '!',
};

/** Whether columns lie beyond the right edge, and which, for the hint under the header. */
function useHiddenColumns(taskCount: number) {
  const scroller = useRef<HTMLElement>(null);
  const [firstHidden, setFirstHidden] = useState<number | null>(null);
  const measure = useCallback(() => {
    const box = scroller.current;
    if (!box) return;
    const right = box.scrollLeft + box.clientWidth;
    const heads = [...box.querySelectorAll<HTMLElement>('thead th[data-task]')];
    const hidden = heads.findIndex((th) => th.offsetLeft + th.offsetWidth / 2 > right);
    setFirstHidden(hidden === -1 ? null : hidden);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a board with more or fewer tasks is measured again
  useEffect(() => {
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [measure, taskCount]);
  return { scroller, firstHidden, measure };
}

/**
 * Teams × tasks. Built for a phone: the header row and the team column stay in place while the grid
 * scrolls, a hint names the columns still to the right, every cell is a 44 px tap target, and the
 * symbols and task numbers are explained under it.
 */
export function BoardTable({ board }: { board: Board }) {
  const navigate = useNavigate();
  const cells = new Map(board.cells.map((cell) => [`${cell.unitId}:${cell.taskId}`, cell]));
  const { scroller, firstHidden, measure } = useHiddenColumns(board.tasks.length);
  return (
    <>
      {firstHidden !== null ? (
        <p className="board-hint" role="note">
          Vuốt sang trái để xem NV{firstHidden + 1}–NV{board.tasks.length} →
        </p>
      ) : null}
      <section
        className="board-scroll"
        ref={scroller}
        onScroll={measure}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        tabIndex={0}
        aria-label="Bảng tiến độ các tổ"
      >
        <table className="board">
          <thead>
            <tr>
              <th scope="col" className="board-corner">
                Tổ
              </th>
              {board.tasks.map((task, index) => (
                <th key={task.id} scope="col" title={task.title} data-task={index + 1}>
                  NV{index + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {board.teams.map((team) => (
              <tr key={team.id}>
                <th scope="row" title={team.name}>
                  {team.shortName ?? team.name}
                  <small>
                    {team.done}/{team.total}
                  </small>
                </th>
                {board.tasks.map((task) => {
                  const cell = cells.get(`${team.id}:${task.id}`);
                  if (!cell) return <td key={task.id} aria-label="Không giao" />;
                  const label = `${team.name} – ${task.title}: ${assignmentStatusLabels[cell.status]}${cell.overdue ? ', trễ hạn' : ''}`;
                  return (
                    <td key={task.id}>
                      <button
                        type="button"
                        className={`board-cell status-${cell.overdue ? 'overdue' : cell.status}`}
                        aria-label={label}
                        title={label}
                        data-status={cell.status}
                        data-assignment={cell.assignmentId}
                        onClick={() => navigate(`/assignments/${cell.assignmentId}`)}
                      >
                        {cellMarks[cell.status]}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="board-legend" aria-label="Chú thích">
        <h3>Chú thích</h3>
        <ul className="board-symbols">
          {(Object.keys(cellMarks) as BoardCell['status'][]).map((status) => (
            <li key={status}>
              <span className={`board-cell board-swatch status-${status}`} aria-hidden="true">
                {cellMarks[status]}
              </span>
              {assignmentStatusLabels[status]}
            </li>
          ))}
          <li>
            <span className="board-cell board-swatch status-overdue" aria-hidden="true">
              ·
            </span>
            Ô đỏ: trễ hạn
          </li>
        </ul>
        <ol className="board-tasks">
          {board.tasks.map((task, index) => (
            <li key={task.id}>
              <strong>NV{index + 1}</strong> {task.title}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
