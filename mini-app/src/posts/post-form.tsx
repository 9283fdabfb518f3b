import { POST_MAX_CHARS, type Post, readingTimeLabel } from '@loa/shared';
import { useEffect, useState } from 'react';
import { Button } from 'zmp-ui';
import { ConfirmButton } from '../components/confirm-button';
import { ErrorNote } from '../components/status-views';
import { pickAlbumImage } from '../lib/zalo';
import { zaloLengthHint } from '../lib/zalo-text';
import { GroupPreview } from './group-preview';
import { usePostImage } from './post-image';
import { useCreatePost, usePostPreview, useUpdatePost, useUploadPostImage } from './use-posts';

/** The value after the person stops typing for a moment (the preview is asked of the server). */
function useDebounced<T>(value: T, ms = 250): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Soạn bài / Sửa bài: the text, an image, and the loudspeaker script. The preview and the count are the
 * server's own (POST /api/posts/preview), so what is shown is exactly what is saved and sent, with its
 * "Xem chi tiết" line. Editing an approved post says first that it goes back to the leader.
 */
export function PostForm({
  campaignId,
  post,
  onSaved,
  onCancel,
}: {
  campaignId: string;
  /** The post being edited; a new post when absent. */
  post?: Post;
  onSaved: (id: string) => void;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState(post?.body ?? '');
  const [script, setScript] = useState(post?.loudspeakerScript ?? '');
  const [image, setImage] = useState<{ sha256: string; url: string } | null>(null);
  const [imageRemoved, setImageRemoved] = useState(false);
  // A new post links to its own page, which names its id: the server's first preview picks the id,
  // later previews and the save keep it, so the saved text is the previewed one exactly.
  const [draftId, setDraftId] = useState<string>();
  const linkPath = post ? post.linkPath : undefined;
  const create = useCreatePost();
  const update = useUpdatePost();
  const uploadImage = useUploadPostImage();
  const savedImageUrl = usePostImage(post && !imageRemoved && !image ? post : undefined);
  const input = useDebounced({
    body,
    ...(post ? { linkPath } : draftId ? { id: draftId } : {}),
    loudspeakerScript: script || null,
  });
  const preview = usePostPreview(input, input.body.trim().length > 0);
  const pickedId = preview.data?.postId;
  useEffect(() => {
    if (!post && pickedId && !draftId) setDraftId(pickedId);
  }, [post, pickedId, draftId]);
  const shown = body.trim() ? preview.data : undefined;
  // The server's count (the link line included), shown against the one limit (shared/text-length.ts).
  const length = zaloLengthHint(body, shown?.max ?? POST_MAX_CHARS, shown?.length ?? 0);
  const over = length.over;
  const loudspeaker = script.trim() ? preview.data?.loudspeaker : null;
  const blocking = loudspeaker?.problems.filter((p) => p.blocking) ?? [];
  const imageSha256 = image ? image.sha256 : imageRemoved ? null : (post?.imageSha256 ?? null);
  const saving = create.isPending || update.isPending;
  const stale =
    input.body !== body ||
    input.loudspeakerScript !== (script || null) ||
    preview.isFetching ||
    (!post && !draftId);

  useEffect(() => () => (image ? URL.revokeObjectURL(image.url) : undefined), [image]);

  const save = () => {
    const common = { body, imageSha256, loudspeakerScript: script.trim() ? script : null };
    if (post)
      update.mutate(
        { id: post.id, version: post.version, linkPath: post.linkPath, ...common },
        { onSuccess: (saved) => onSaved(saved.id) },
      );
    else
      create.mutate(
        { campaignId, ...(draftId ? { id: draftId } : {}), ...common },
        { onSuccess: (saved) => onSaved(saved.id) },
      );
  };
  const attach = async () => {
    const file = await pickAlbumImage();
    if (!file) return;
    uploadImage.mutate(file, {
      onSuccess: (saved) => {
        setImage({ sha256: saved.sha256, url: URL.createObjectURL(file) });
        setImageRemoved(false);
      },
    });
  };
  const disabled = body.trim().length === 0 || over || blocking.length > 0 || stale || uploadImage.isPending;
  const submitText = post ? 'Lưu thay đổi' : 'Lưu và gửi lãnh đạo duyệt';

  return (
    <form
      className="compose-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (post?.status !== 'approved') save();
      }}
    >
      <label htmlFor="post-body">Nội dung bài đăng</label>
      <textarea id="post-body" rows={8} value={body} onChange={(event) => setBody(event.target.value)} />
      <p className={over ? 'char-count over' : 'char-count'} aria-live="polite">
        {length.label}
        {linkPath !== null ? ' (gồm dòng “Xem chi tiết”)' : ''}
      </p>

      <div className="post-image-field">
        <Button
          size="medium"
          variant="secondary"
          loading={uploadImage.isPending}
          onClick={() => void attach()}
        >
          {imageSha256 ? 'Đổi ảnh' : 'Đính kèm ảnh'}
        </Button>
        {imageSha256 ? (
          <Button
            size="medium"
            variant="tertiary"
            onClick={() => {
              setImage(null);
              setImageRemoved(true);
            }}
          >
            Bỏ ảnh
          </Button>
        ) : null}
        <ErrorNote error={uploadImage.error} />
      </div>

      <GroupPreview
        text={shown?.text ?? ''}
        imageUrl={image?.url ?? (imageSha256 ? savedImageUrl : undefined)}
      />

      <label htmlFor="post-script">Bài đọc trên loa (không bắt buộc)</label>
      <p className="field-hint">
        Viết để đọc to: không có đường dẫn, không biểu tượng; số và ngày viết như khi đọc.
      </p>
      <textarea
        id="post-script"
        rows={5}
        value={script}
        onChange={(event) => setScript(event.target.value)}
      />
      {loudspeaker ? (
        <div className="loudspeaker-check" aria-live="polite">
          <p className="reading-time">Thời lượng đọc: {readingTimeLabel(loudspeaker.seconds)}</p>
          {loudspeaker.problems.map((problem) => (
            <p key={problem.kind} className={problem.blocking ? 'form-error' : 'field-hint'}>
              {problem.message}
            </p>
          ))}
          {loudspeaker.spoken !== script.trim() && !blocking.length ? (
            <div className="spoken-suggestion">
              <p>
                Đọc là: <em>{loudspeaker.spoken}</em>
              </p>
              <Button size="medium" variant="tertiary" onClick={() => setScript(loudspeaker.spoken)}>
                Dùng cách đọc này
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}

      <ErrorNote error={create.error ?? update.error ?? (body.trim() ? preview.error : null)} />
      {post?.status === 'approved' ? (
        <>
          <p className="form-note">
            Bài này đã được duyệt. Lưu thay đổi sẽ đưa bài về “Chờ duyệt”: các lượt gửi chưa đến giờ chỉ gửi
            sau khi lãnh đạo duyệt lại.
          </p>
          <ConfirmButton
            title="Lưu và gửi duyệt lại?"
            description="Bài sẽ quay về “Chờ duyệt”. Các lượt gửi chưa đến giờ chờ lãnh đạo duyệt lại; lượt nào đến giờ trong lúc chờ sẽ bị bỏ qua."
            confirmText="Lưu và gửi duyệt lại"
            loading={saving}
            disabled={disabled}
            onConfirm={save}
          >
            {submitText}
          </ConfirmButton>
        </>
      ) : (
        <Button htmlType="submit" size="large" fullWidth disabled={disabled} loading={saving}>
          {submitText}
        </Button>
      )}
      {onCancel ? (
        <Button size="large" variant="tertiary" fullWidth onClick={onCancel}>
          Hủy
        </Button>
      ) : null}
    </form>
  );
}
