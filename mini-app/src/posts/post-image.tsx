import type { Post } from '@loa/shared';
import { useEffect, useState } from 'react';
import { requestBlob } from '../lib/request';

/**
 * A post's saved image, fetched with the session (an <img src> cannot send it) and shown through an
 * object URL, revoked when it leaves the screen. Undefined while loading or when the post has none.
 */
export function usePostImage(post: Pick<Post, 'id' | 'imageSha256'> | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  const id = post?.imageSha256 ? post.id : undefined;
  const sha = post?.imageSha256;
  useEffect(() => {
    setUrl(undefined);
    if (!id || !sha) return;
    const controller = new AbortController();
    let objectUrl: string | undefined;
    requestBlob(`/api/posts/${encodeURIComponent(id)}/image?v=${sha.slice(0, 12)}`, {
      signal: controller.signal,
    })
      .then((blob) => {
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) console.warn('post image not loaded', error);
      });
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [id, sha]);
  return url;
}
