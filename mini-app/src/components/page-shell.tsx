import type { ReactNode } from 'react';
import { Header, Page } from 'zmp-ui';

interface PageShellProps {
  title: string;
  /** Top-level tabs have nowhere to go back to. */
  showBack?: boolean;
  children: ReactNode;
}

/** zmp-ui's Header is position: fixed, so every page reserves its height (see .page-body). */
export function PageShell({ title, showBack = false, children }: PageShellProps) {
  return (
    <Page className="page">
      <Header title={title} showBackIcon={showBack} />
      <main className="page-body">{children}</main>
    </Page>
  );
}
