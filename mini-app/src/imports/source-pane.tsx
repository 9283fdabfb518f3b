import { useEffect, useRef } from 'react';

/** The plan as the server read it, one paragraph per numbered line; the lines in focus are highlighted. */
export function SourcePane({ lines, active }: { lines: string[]; active: number[] }) {
  const list = useRef<HTMLOListElement>(null);
  const first = active[0];
  useEffect(() => {
    if (!first) return;
    list.current
      ?.querySelector(`[data-line="${first}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [first]);
  return (
    <section className="import-source" aria-label="Văn bản gốc">
      <h2>Văn bản gốc</h2>
      <ol ref={list}>
        {lines.map((text, i) => {
          const n = i + 1;
          const on = active.includes(n);
          return (
            <li
              key={n}
              data-line={n}
              className={on ? 'highlight' : undefined}
              aria-current={on ? 'true' : undefined}
            >
              <span className="line-number">{n}</span>
              <span>{text}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
