import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App, SnackbarProvider, ZMPRouter } from 'zmp-ui';
import { AppRoutes } from './routes';

/**
 * The whole app. ZMPRouter runs as a memory router: its browser-history mode pins a production build
 * to `/zapps/<APP_ID>` and renders nothing when our own server serves the build at `/`. Inside
 * Zalo the URL is not shown anyway, so memory history loses nothing there. The query client comes
 * from main.tsx, which fills it with the first screen's data before the first render.
 */
export function AppShell({ queryClient }: { queryClient: QueryClient }) {
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
