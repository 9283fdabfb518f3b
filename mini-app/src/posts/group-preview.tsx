/** The post as it will appear in a Zalo group: the OA's chat bubble with the text and its link. */
export function GroupPreview({
  text,
  groupName = 'Nhóm Zalo Khu phố',
}: {
  text: string;
  groupName?: string;
}) {
  return (
    <figure className="group-preview" aria-label={`Xem trước trong ${groupName}`}>
      <figcaption className="group-preview-title">{groupName}</figcaption>
      <div className="group-preview-message">
        <span className="group-preview-sender">Loa Phường (OA)</span>
        <p className="group-preview-text">{text || 'Nội dung bài đăng sẽ hiện ở đây.'}</p>
      </div>
    </figure>
  );
}
