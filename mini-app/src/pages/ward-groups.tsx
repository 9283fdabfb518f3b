import { deliveryStatusName, formatDateTimeVi } from '@loa/shared';
import { useState } from 'react';
import { Button } from 'zmp-ui';
import { Card, CardList } from '../components/card-list';
import { SelectField } from '../components/form-fields';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { ErrorNote } from '../components/status-views';
import { GroupEditForm } from '../wards/group-edit-form';
import { GroupFields } from '../wards/group-fields';
import { useAddGroup, useGroups, useOaGroups } from '../wards/use-ward-setup';

/** Nhóm Zalo: the OA's own groups (from Zalo) and the khu phố groups teams share into. */
export function WardGroupsPage() {
  const groups = useGroups();
  // The group whose edit form shows (under the list), if any.
  const [editing, setEditing] = useState<string>();
  const editedGroup = groups.data?.groups.find((g) => g.id === editing);
  return (
    <PageShell title="Nhóm Zalo" showBack>
      <QueryGate query={groups}>
        {({ groups: list }) =>
          list.length === 0 ? (
            <p className="muted">Chưa đăng ký nhóm nào.</p>
          ) : (
            <CardList label="Các nhóm Zalo" data-testid="group-list">
              {list.map((g) => (
                <Card key={g.id} data-group={g.name}>
                  <strong>{g.name}</strong>
                  <span className="card-meta">
                    {g.khuPhoName} ·{' '}
                    {g.deliveryMode === 'oa_group'
                      ? 'OA gửi trực tiếp'
                      : `${g.responsibleUnitName ?? '?'} chia sẻ`}
                    {g.status === 'disabled' ? ' · đang tắt' : ''}
                  </span>
                  <small>
                    {g.lastDelivery
                      ? `Lần gửi gần nhất: ${deliveryStatusName(g.lastDelivery.status)}, ${formatDateTimeVi(g.lastDelivery.at)}`
                      : 'Chưa gửi lần nào'}
                  </small>
                  <div className="button-row">
                    <Button
                      size="small"
                      variant="tertiary"
                      aria-label={`Sửa nhóm ${g.name}`}
                      onClick={() => setEditing(g.id)}
                    >
                      Sửa
                    </Button>
                  </div>
                </Card>
              ))}
            </CardList>
          )
        }
      </QueryGate>
      {editedGroup ? (
        <GroupEditForm key={editedGroup.id} group={editedGroup} onDone={() => setEditing(undefined)} />
      ) : null}
      <RegisterGroup />
    </PageShell>
  );
}

function RegisterGroup() {
  const [askZalo, setAskZalo] = useState(false);
  const oaGroups = useOaGroups(askZalo);
  const add = useAddGroup();
  const empty = { mode: 'team_share', name: '', zaloGroupId: '', khuPhoUnitId: '', responsibleUnitId: '' };
  const [form, setForm] = useState(empty);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <section className="card">
      <h2>Đăng ký nhóm</h2>
      <SelectField label="Cách gửi" value={form.mode} onChange={set('mode')}>
        <option value="team_share">Nhóm khu phố thường (tổ chia sẻ bài vào nhóm)</option>
        <option value="oa_group">Nhóm do OA tạo (OA gửi trực tiếp)</option>
      </SelectField>
      {form.mode === 'oa_group' ? (
        <>
          <Button
            size="small"
            variant="tertiary"
            loading={oaGroups.isFetching}
            onClick={() => setAskZalo(true)}
          >
            Lấy nhóm từ Zalo
          </Button>
          <ErrorNote error={oaGroups.error} />
          {oaGroups.data ? (
            <SelectField
              label="Nhóm của OA"
              value={form.zaloGroupId}
              onChange={(id) =>
                setForm((f) => ({
                  ...f,
                  zaloGroupId: id,
                  name: oaGroups.data.groups.find((g) => g.zaloGroupId === id)?.name ?? f.name,
                }))
              }
            >
              <option value="">Chọn nhóm</option>
              {oaGroups.data.groups.map((g) => (
                <option key={g.zaloGroupId} value={g.zaloGroupId} disabled={g.registeredId !== null}>
                  {g.name}
                  {g.registeredId ? ' (đã đăng ký)' : ''}
                </option>
              ))}
            </SelectField>
          ) : null}
        </>
      ) : null}
      <GroupFields form={form} set={set} registering />
      <ErrorNote error={add.error} />
      <Button
        variant="secondary"
        loading={add.isPending}
        disabled={form.name.trim() === '' || form.khuPhoUnitId === ''}
        onClick={() =>
          add.mutate(
            {
              name: form.name.trim(),
              deliveryMode: form.mode as 'oa_group' | 'team_share',
              zaloGroupId: form.mode === 'oa_group' ? form.zaloGroupId || null : null,
              khuPhoUnitId: form.khuPhoUnitId,
              responsibleUnitId: form.responsibleUnitId || null,
            },
            { onSuccess: () => setForm(empty) },
          )
        }
      >
        Đăng ký nhóm
      </Button>
    </section>
  );
}
