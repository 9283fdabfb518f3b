import type { Campaign, CampaignFields } from '@loa/shared';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Input, Select, useSnackbar } from 'zmp-ui';
import { useCampaign, useSaveCampaign, useUnits } from '../campaigns/use-campaigns';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { ChoicesStatus, ErrorNote } from '../components/status-views';
import { WardDayField } from '../components/ward-date-fields';

/** Create (no id) or edit a plan. Lists are one item per line. */
export function CampaignEditPage() {
  const { id } = useParams();
  const query = useCampaign(id);
  return (
    <PageShell title={id ? 'Sửa kế hoạch' : 'Kế hoạch mới'} showBack>
      {id ? <QueryGate query={query}>{(c) => <CampaignForm campaign={c} />}</QueryGate> : <CampaignForm />}
    </PageShell>
  );
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function CampaignForm({ campaign }: { campaign?: Campaign }) {
  const save = useSaveCampaign(campaign?.id);
  const units = useUnits();
  const navigate = useNavigate();
  const { openSnackbar } = useSnackbar();
  const [form, setForm] = useState({
    issuingBody: campaign?.issuingBody ?? '',
    issuingPlace: campaign?.issuingPlace ?? '',
    number: campaign?.number ?? '',
    title: campaign?.title ?? '',
    theme: campaign?.theme ?? '',
    slogans: campaign?.slogans.join('\n') ?? '',
    legalBases: campaign?.legalBases.join('\n') ?? '',
    purposes: campaign?.purposes.join('\n') ?? '',
    startsOn: campaign?.startsOn ?? '',
    endsOn: campaign?.endsOn ?? '',
    leadUnitId: campaign?.leadUnitId ?? '',
  });
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: event.target.value }));
  const periodWrong = form.startsOn !== '' && form.endsOn !== '' && form.endsOn < form.startsOn;
  const ready = form.title.trim() !== '' && form.startsOn !== '' && form.endsOn !== '' && !periodWrong;

  const submit = () => {
    const fields: CampaignFields = {
      issuingBody: form.issuingBody.trim() || null,
      issuingPlace: form.issuingPlace.trim() || null,
      number: form.number.trim() || null,
      title: form.title.trim(),
      theme: form.theme.trim(),
      slogans: lines(form.slogans),
      legalBases: lines(form.legalBases),
      purposes: lines(form.purposes),
      startsOn: form.startsOn,
      endsOn: form.endsOn,
      leadUnitId: form.leadUnitId || null,
    };
    save.mutate(campaign ? { ...fields, version: campaign.version } : fields, {
      onSuccess: (saved) => {
        openSnackbar({ text: 'Đã lưu kế hoạch.', type: 'success' });
        navigate(`/campaigns/${saved.id}`, { replace: true });
      },
    });
  };

  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Input
        label="Cơ quan ban hành"
        placeholder="UBND phường Dầu Giây"
        value={form.issuingBody}
        onChange={set('issuingBody')}
        maxLength={200}
      />
      <Input
        label="Địa danh"
        placeholder="Dầu Giây"
        value={form.issuingPlace}
        onChange={set('issuingPlace')}
        maxLength={100}
      />
      <Input label="Số văn bản" placeholder="123/KH-UBND" value={form.number} onChange={set('number')} />
      <Input label="Tên kế hoạch *" value={form.title} onChange={set('title')} maxLength={500} />
      <WardDayField
        label="Ngày bắt đầu *"
        value={form.startsOn}
        onChange={(v) => setForm((f) => ({ ...f, startsOn: v }))}
      />
      <WardDayField
        label="Ngày kết thúc *"
        value={form.endsOn}
        onChange={(v) => setForm((f) => ({ ...f, endsOn: v }))}
        error={periodWrong ? 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu' : undefined}
      />
      <Input.TextArea label="Chủ đề" value={form.theme} onChange={set('theme')} />
      <Input.TextArea label="Khẩu hiệu (mỗi dòng một câu)" value={form.slogans} onChange={set('slogans')} />
      <Input.TextArea
        label="Căn cứ (mỗi dòng một căn cứ)"
        value={form.legalBases}
        onChange={set('legalBases')}
      />
      <Input.TextArea
        label="Mục đích, yêu cầu (mỗi dòng một ý)"
        value={form.purposes}
        onChange={set('purposes')}
      />
      <Select
        label="Đơn vị chủ trì"
        placeholder={units.isPending ? 'Đang tải…' : 'Chọn đơn vị'}
        value={form.leadUnitId}
        onChange={(value) => setForm((f) => ({ ...f, leadUnitId: String(value ?? '') }))}
        closeOnSelect
      >
        {(units.data?.units ?? [])
          .filter((u) => u.kind !== 'digital_team')
          .map((u) => (
            <Select.Option key={u.id} value={u.id} title={u.name} />
          ))}
      </Select>
      <ChoicesStatus query={units} what="danh sách đơn vị" />
      <ErrorNote error={save.error} />
      <Button fullWidth size="large" htmlType="submit" loading={save.isPending} disabled={!ready}>
        Lưu kế hoạch
      </Button>
    </form>
  );
}
