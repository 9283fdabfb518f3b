import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from 'zmp-ui';
import { retryFailedScreens } from '../lib/lazy-screen';

interface State {
  error: unknown;
  /** Retries since the last success: the second one reloads the whole app. */
  attempts: number;
}

/** A screen's code could not be downloaded (rather than a fault inside the screen). */
function isLoadFailure(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /dynamically imported module|Importing a module script failed|preload|ChunkLoadError|Failed to fetch/i.test(
    text,
  );
}

/**
 * One screen's failure stays in that screen: the tabs keep working and "Thử lại" downloads the
 * screen's code again (or draws it again). If that fails too, the next "Thử lại" reloads the app, which
 * comes back to the same screen (the address keeps it, see lib/deep-link.tsx).
 */
export class ScreenBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null, attempts: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('screen failed', error, info.componentStack);
  }

  private retry = () => {
    if (this.state.attempts >= 1) {
      window.location.reload();
      return;
    }
    retryFailedScreens();
    this.setState((state) => ({ error: null, attempts: state.attempts + 1 }));
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="status-view screen-error" role="alert">
        <p>
          {isLoadFailure(error)
            ? 'Không tải được màn hình này. Kiểm tra kết nối mạng rồi bấm “Thử lại”.'
            : 'Màn hình này gặp lỗi. Bấm “Thử lại”; nếu vẫn lỗi, hãy báo cho cán bộ phụ trách.'}
        </p>
        <Button size="large" variant="secondary" onClick={this.retry}>
          Thử lại
        </Button>
      </div>
    );
  }
}
