import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { useSession } from './use-session';

/** Wrap a page that needs a signed-in person: without a session it goes to the sign-in page. */
export function SignInGate({ children }: { children: ReactNode }) {
  const { session } = useSession();
  if (!session) return <Navigate to="/sign-in" replace />;
  return <>{children}</>;
}
