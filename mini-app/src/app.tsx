import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { App, SnackbarProvider, ZMPRouter } from 'zmp-ui';
import { createQueryClient } from './lib/query-client';
import { AppRoutes } from './routes';

/**
 * The whole app. ZMPRouter runs as a memory router: its browser-history mode pins a production build
 * to `/zapps/<APP_ID>` and renders nothing when our own server serves the build at `/`. Inside
 * Zalo the URL is not shown anyway, so memory history loses nothing there.
 */
export function AppShell() {
  const [queryClient] = useState(createQueryClient);

  return (
    <App theme="light">
      <QueryClientProvider client={queryClient}>
        <SnackbarProvider>
          <ZMPRouter memoryRouter>
            <AppRoutes />
          </ZMPRouter>
        </SnackbarProvider>
      </QueryClientProvider>
    </App>
  );
}
