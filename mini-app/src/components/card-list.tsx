import type { ReactNode } from 'react';
import { List } from 'zmp-ui';

/** `data-*` attributes (a test id, a record's name) passed on to the list or its item. */
type DataAttributes = { [key: `data-${string}`]: string | undefined };

/**
 * A list of cards on zmp-ui's List. A card either opens something (`onOpen`: the whole card is one
 * button, so it is reachable by keyboard and screen readers, which zmp-ui's clickable item is not) or
 * holds its own buttons.
 */
export function CardList({
  children,
  label,
  ...data
}: { children: ReactNode; label?: string } & DataAttributes) {
  return (
    <List className="card-list" noSpacing divider={false} aria-label={label} {...data}>
      {children}
    </List>
  );
}

/** One card; `className` adds a screen's own look to the card, `data-*` go on the list item. */
export function Card({
  children,
  onOpen,
  className,
  ...data
}: { children: ReactNode; onOpen?: () => void; className?: string } & DataAttributes) {
  return (
    <List.Item {...data}>
      {onOpen ? (
        <button type="button" className={classes('card-button', className)} onClick={onOpen}>
          {children}
        </button>
      ) : (
        <div className={classes('card', className)}>{children}</div>
      )}
    </List.Item>
  );
}

/**
 * Records listed inside a card or section (units, places, time slots, log lines): zmp-ui's List as
 * rows with a line between them, since cards inside a card would box every row twice.
 */
export function RowList({
  children,
  label,
  ...data
}: { children: ReactNode; label?: string } & DataAttributes) {
  return (
    <List className="row-list" noSpacing divider={false} aria-label={label} {...data}>
      {children}
    </List>
  );
}

export function Row({
  children,
  className,
  ...data
}: { children: ReactNode; className?: string } & DataAttributes) {
  return (
    <List.Item {...data}>
      {/* One body: zmp-ui lays an item's children out in a row beside its (unused) title block. */}
      <div className={classes('row-body', className)}>{children}</div>
    </List.Item>
  );
}

const classes = (base: string, extra: string | undefined) => (extra ? `${base} ${extra}` : base);
