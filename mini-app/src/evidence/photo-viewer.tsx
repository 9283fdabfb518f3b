import { ImageViewer } from 'zmp-ui';
import { ErrorView, LoadingView } from '../components/status-views';
import { useAuthedPhotoState } from './use-evidence';

/**
 * The photo large (the server's 1024 px display copy, without GPS or EXIF): pinch to zoom, swipe down
 * or tap outside to close. The first opening of a photo waits while the server renders the copy.
 */
export function PhotoViewer({
  evidenceId,
  alt,
  onClose,
}: {
  evidenceId: string;
  alt: string;
  onClose: () => void;
}) {
  const { url, failed, retry } = useAuthedPhotoState(evidenceId, 'display');
  if (url) return <ImageViewer visible images={[{ src: url, alt }]} onClose={onClose} />;
  return (
    <div className="photo-viewer-pending" role="dialog" aria-label="Ảnh lớn">
      {failed ? (
        <ErrorView message="Không tải được ảnh lớn. Kiểm tra kết nối rồi thử lại." onRetry={retry} />
      ) : (
        <LoadingView label="Đang tải ảnh lớn…" />
      )}
      <button type="button" className="photo-viewer-close" onClick={onClose}>
        Đóng
      </button>
    </div>
  );
}
