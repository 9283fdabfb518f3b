/** The post as it will appear in a Zalo group: the OA's chat bubble with its image, text and link. */
export function GroupPreview({
  text,
  groupName = 'Nhóm Zalo Khu phố',
  imageUrl,
}: {
  text: string;
  groupName?: string;
  /** The attached image, shown above the text as Zalo shows an image with its caption. */
  imageUrl?: string;
}) {
  return (
    <figure className="group-preview" aria-label={`Xem trước trong ${groupName}`}>
      <figcaption className="group-preview-title">{groupName}</figcaption>
      <div className="group-preview-message">
        <span className="group-preview-sender">Loa Phường (OA)</span>
        {imageUrl ? <img className="group-preview-image" src={imageUrl} alt="Ảnh đính kèm bài đăng" /> : null}
        <p className="group-preview-text">{text || 'Nội dung bài đăng sẽ hiện ở đây.'}</p>
      </div>
    </figure>
  );
}
