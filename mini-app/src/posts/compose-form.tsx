import { PostForm } from './post-form';

/** Soạn bài: a new post (the form is shared with editing, see post-form.tsx). */
export function ComposeForm({
  campaignId,
  onCreated,
  onCancel,
}: {
  campaignId: string;
  onCreated: (id: string) => void;
  onCancel?: () => void;
}) {
  return <PostForm campaignId={campaignId} onSaved={onCreated} onCancel={onCancel} />;
}
