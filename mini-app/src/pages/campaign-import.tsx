import { inRoleGroup, type PlanDraft } from '@loa/shared';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, useSnackbar } from 'zmp-ui';
import { useSession } from '../auth/use-session';
import { ConfirmButton } from '../components/confirm-button';
import { PageShell } from '../components/page-shell';
import { SignInNeeded } from '../components/sign-in-needed';
import { ErrorNote } from '../components/status-views';
import {
  type EditState,
  editStateFromDraft,
  missingForSave,
  saveRequestFromEdit,
} from '../imports/edit-state';
import { FieldBox, type Source } from '../imports/field-box';
import { SourcePane } from '../imports/source-pane';
import { TaskEditor } from '../imports/task-editor';
import { fileToBase64, useReadPlan, useSavePlan } from '../imports/use-plan-import';

const TITLE = 'Nhập kế hoạch từ văn bản';
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Staff paste or upload the ward's plan, check the draft beside the source, correct it and save. */
export function CampaignImportPage() {
  const { session } = useSession();
  const [draft, setDraft] = useState<PlanDraft>();
  if (!session) return <SignInNeeded title={TITLE} />;
  if (!inRoleGroup(session.role, 'officeWriters'))
    return (
      <PageShell title={TITLE} showBack>
        <p>Chỉ cán bộ phòng ban được nhập kế hoạch.</p>
      </PageShell>
    );
  return (
    <PageShell title={TITLE} showBack>
      {draft ? (
        <DraftReview draft={draft} onRestart={() => setDraft(undefined)} />
      ) : (
        <ReadForm onDraft={setDraft} />
      )}
    </PageShell>
  );
}

function ReadForm({ onDraft }: { onDraft: (draft: PlanDraft) => void }) {
  const read = useReadPlan();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const submit = async () => {
    if (file && file.size > MAX_FILE_BYTES)
      return setFileError('Tệp lớn hơn 10 MB. Hãy dán nội dung văn bản.');
    const body = file ? { file: { name: file.name, contentBase64: await fileToBase64(file) } } : { text };
    read.mutate(body, { onSuccess: onDraft });
  };
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p>
        Dán nội dung kế hoạch, hoặc chọn tệp Word (.docx) hay PDF có chữ. Bạn sẽ kiểm tra bản nháp trước khi
        lưu.
      </p>
      <div className="native-field">
        <label htmlFor="plan-text">Nội dung kế hoạch</label>
        <textarea
          id="plan-text"
          rows={10}
          value={text}
          onChange={(e) => setText(e.target.value)}
          disabled={Boolean(file)}
        />
      </div>
      <div className="native-field">
        <label htmlFor="plan-file">Hoặc chọn tệp .docx / .pdf</label>
        <input
          id="plan-file"
          type="file"
          accept=".docx,.pdf,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => {
            setFileError(undefined);
            setFile(e.target.files?.[0]);
          }}
        />
        {fileError ? <span className="form-error">{fileError}</span> : null}
      </div>
      <ErrorNote error={read.error} />
      <Button
        fullWidth
        size="large"
        htmlType="submit"
        loading={read.isPending}
        disabled={!file && !text.trim()}
      >
        {read.isPending ? 'Đang đọc văn bản…' : 'Đọc kế hoạch'}
      </Button>
    </form>
  );
}

const one = (f: { line: number | null; confidence: number; note?: string }): Source => ({
  lines: f.line ? [f.line] : [],
  confidence: f.confidence,
  note: f.note,
});

const many = (list: { line: number | null; confidence: number }[], empty: string): Source =>
  list.length
    ? {
        lines: list.flatMap((f) => (f.line ? [f.line] : [])),
        confidence: Math.min(...list.map((f) => f.confidence)),
      }
    : { lines: [], confidence: 0, note: empty };

function DraftReview({ draft, onRestart }: { draft: PlanDraft; onRestart: () => void }) {
  const [edit, setEdit] = useState<EditState>(() => editStateFromDraft(draft));
  const [active, setActive] = useState<number[]>([]);
  const save = useSavePlan();
  const navigate = useNavigate();
  const { openSnackbar } = useSnackbar();
  const set = (key: keyof EditState) => (event: { target: { value: string } }) =>
    setEdit((e) => ({ ...e, [key]: event.target.value }));
  const missing = missingForSave(edit);
  const tasks = edit.tasks.filter((t) => t.include).length;

  const text = (key: keyof EditState, label: string, source?: Source, rows = 1) => (
    <FieldBox label={label} source={source} onShow={setActive}>
      {(id, focus) =>
        rows > 1 ? (
          <textarea id={id} onFocus={focus} rows={rows} value={edit[key] as string} onChange={set(key)} />
        ) : (
          <input id={id} onFocus={focus} value={edit[key] as string} onChange={set(key)} />
        )
      }
    </FieldBox>
  );
  const date = (key: 'issuedOn' | 'startsOn' | 'endsOn', label: string, source?: Source) => (
    <FieldBox label={label} source={source} onShow={setActive}>
      {(id, focus) => <input id={id} onFocus={focus} type="date" value={edit[key]} onChange={set(key)} />}
    </FieldBox>
  );
  const period = one(draft.period);

  return (
    <div className="import-layout">
      <SourcePane lines={draft.lines} active={active} />
      <form
        className="form import-draft"
        onSubmit={(event) => event.preventDefault()}
        aria-label="Bản nháp kế hoạch"
      >
        {draft.notes.length ? (
          <ul className="import-notes" role="status">
            {draft.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
        <h2>Văn bản</h2>
        {text('issuingBody', 'Cơ quan ban hành', one(draft.issuingBody))}
        {text('issuingPlace', 'Địa danh', one(draft.place))}
        {text('number', 'Số văn bản', one(draft.number))}
        {date('issuedOn', 'Ngày ban hành', one(draft.issuedOn))}
        {text('title', 'Tên kế hoạch *', one(draft.title), 2)}
        {text('legalBases', 'Căn cứ (mỗi dòng một căn cứ)', many(draft.legalBases, 'Không thấy căn cứ.'), 4)}
        <h2>Nội dung</h2>
        {text('purposes', 'Mục đích (mỗi dòng một ý)', many(draft.purposes, 'Không thấy mục đích.'), 4)}
        {text('requirements', 'Yêu cầu (mỗi dòng một ý)', many(draft.requirements, 'Không thấy yêu cầu.'), 3)}
        {text('theme', 'Chủ đề', one(draft.theme), 2)}
        {text('slogans', 'Khẩu hiệu (mỗi dòng một câu)', many(draft.slogans, 'Không thấy khẩu hiệu.'), 3)}
        <h2>Thời gian thực hiện</h2>
        {date('startsOn', 'Ngày bắt đầu *', period)}
        {date('endsOn', 'Ngày kết thúc *', { ...period, note: undefined })}
        <h2>Đơn vị</h2>
        {text(
          'leadUnitName',
          'Đơn vị chủ trì',
          many(
            draft.units.filter((u) => u.lead),
            'Kế hoạch không nêu đơn vị chủ trì.',
          ),
        )}
        {edit.units.length ? (
          <div className="import-units">
            <p>Đơn vị chưa có trong phường, sẽ được thêm khi lưu:</p>
            {edit.units.map((unit, i) => (
              <FieldBox
                key={unit.key}
                label={`Đơn vị mới ${i + 1}`}
                source={{ lines: [unit.line], confidence: 0.95 }}
                onShow={setActive}
              >
                {(id, focus) => (
                  <input
                    id={id}
                    onFocus={focus}
                    value={unit.name}
                    onChange={(e) =>
                      setEdit((s) => ({
                        ...s,
                        units: s.units.map((u, j) => (j === i ? { ...u, name: e.target.value } : u)),
                      }))
                    }
                  />
                )}
              </FieldBox>
            ))}
          </div>
        ) : null}
        <h2>Nhiệm vụ ({tasks})</h2>
        <TaskEditor edit={edit} setEdit={setEdit} onShow={setActive} />
        <h2>Nơi nhận và người ký</h2>
        {text(
          'recipients',
          'Nơi nhận (mỗi dòng một nơi)',
          many(draft.recipients, 'Không thấy phần Nơi nhận.'),
          4,
        )}
        {text('signerAuthority', 'Thẩm quyền ký', one(draft.signerAuthority))}
        {text('signerTitle', 'Chức vụ người ký', one(draft.signerTitle))}
        {text('signerName', 'Người ký', one(draft.signerName))}
        <ErrorNote error={save.error} />
        {missing.length ? <p className="form-error">Còn thiếu: {missing.join('; ')}.</p> : null}
        <ConfirmButton
          title="Lưu kế hoạch này?"
          description={`Tạo kế hoạch (bản nháp chờ lãnh đạo duyệt), ${edit.units.length} đơn vị mới và ${tasks} nhiệm vụ.`}
          confirmText="Lưu"
          loading={save.isPending}
          disabled={missing.length > 0}
          onConfirm={() =>
            save.mutate(saveRequestFromEdit(edit, draft.lines.join('\n')), {
              onSuccess: (saved) => {
                openSnackbar({ text: 'Đã tạo kế hoạch từ văn bản.', type: 'success' });
                navigate(`/campaigns/${saved.campaignId}`, { replace: true });
              },
            })
          }
        >
          Lưu thành kế hoạch
        </ConfirmButton>
        <Button fullWidth variant="tertiary" onClick={onRestart}>
          Đọc văn bản khác
        </Button>
      </form>
    </div>
  );
}
