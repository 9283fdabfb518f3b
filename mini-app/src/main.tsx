import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'zmp-ui/zaui.css';
import './styles.css';
import { AppShell } from './app';
import { createQueryClient } from './lib/query-client';
import { seedFromPage } from './offline/first-screen';
import { prefetchFirstScreen } from './offline/first-screen-prefetch';
import { keepLastKnown, restoreLastKnown } from './offline/last-known';
import { registerOfflineApp } from './offline/offline-app';

const container = document.getElementById('app');
if (!container) throw new Error('index.html must contain <div id="app">');

// The first screen's data before the first render: what the phone kept from the last open, then the
// fresher answer the server put into the page, if any; Nhiệm vụ's code and list asked for at once.
const queryClient = createQueryClient();
restoreLastKnown(queryClient);
seedFromPage(queryClient);
keepLastKnown(queryClient);
prefetchFirstScreen(queryClient);

createRoot(container).render(
  <StrictMode>
    <AppShell queryClient={queryClient} />
  </StrictMode>,
);
registerOfflineApp();
