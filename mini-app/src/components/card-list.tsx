import type { ReactNode } from 'react';
import { List } from 'zmp-ui';

/**
 * A list of cards on zmp-ui's List. A card either opens something (`onOpen`: the whole card is one
 * button, so it is reachable by keyboard and screen readers, which zmp-ui's clickable item is not) or
 * holds its own buttons.
 */
export function CardList({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <List className="card-list" noSpacing divider={false} aria-label={label}>
      {children}
    </List>
  );
}

export function Card({ children, onOpen }: { children: ReactNode; onOpen?: () => void }) {
  return (
    <List.Item>
      {onOpen ? (
        <button type="button" className="card-button" onClick={onOpen}>
          {children}
        </button>
      ) : (
        <div className="card">{children}</div>
      )}
    </List.Item>
  );
}
