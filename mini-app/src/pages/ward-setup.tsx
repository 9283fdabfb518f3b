import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind, type WardSettings } from '@loa/shared';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, useSnackbar } from 'zmp-ui';
import { useSession } from '../auth/use-session';
import { Row, RowList } from '../components/card-list';
import { SelectField, TextField } from '../components/form-fields';
import { PageShell } from '../components/page-shell';
import { QueryGate } from '../components/query-gate';
import { ErrorNote } from '../components/status-views';
import {
  useAddPlace,
  useAddUnit,
  useEditPlace,
  useEditUnit,
  usePlaces,
  useSaveWard,
  useSetupUnits,
  useWard,
} from '../wards/use-ward-setup';

/** Thiết lập phường: the ward, its units and teams, its places; links to members, groups and the log. */
export function WardSetupPage() {
  const ward = useWard();
  return (
    <PageShell title="Thiết lập phường" showBack>
      <nav className="setup-links">
        <Link className="card-button" to="/setup/members">
          Thành viên (thêm, nhập danh sách, khóa)
        </Link>
        <Link className="card-button" to="/setup/groups">
          Nhóm Zalo các khu phố
        </Link>
        <Link className="card-button" to="/setup/loudspeaker">
          Khung giờ phát loa
        </Link>
        <Link className="card-button" to="/audit">
          Nhật ký thao tác
        </Link>
      </nav>
      <QueryGate query={ward}>{(w) => <WardForm ward={w} />}</QueryGate>
      <UnitsSection />
      <PlacesSection />
    </PageShell>
  );
}

/**
 * A unit's or a place's two actions in its list: fill the form below with it (to save changes), and
 * stop or resume using it (kept, not deleted, since tasks and photos refer to it).
 */
function RowActions(props: {
  name: string;
  active: boolean;
  onEdit: () => void;
  toggling: boolean;
  onToggle: () => void;
}) {
  return (
    <>
      <Button size="small" variant="tertiary" aria-label={`Sửa ${props.name}`} onClick={props.onEdit}>
        Sửa
      </Button>
      <Button size="small" variant="tertiary" loading={props.toggling} onClick={props.onToggle}>
        {props.active ? 'Ngừng dùng' : 'Dùng lại'}
      </Button>
    </>
  );
}

/**
 * The end of a form that adds a row or, once a row's "Sửa" filled it, saves that row: the error, the
 * one button, and "Bỏ sửa" to go back to adding.
 */
function AddOrSave(props: {
  editing: boolean;
  error: unknown;
  pending: boolean;
  disabled: boolean;
  onSave: () => void;
  onCancel: () => void;
  children: string;
}) {
  return (
    <>
      <ErrorNote error={props.error} />
      <Button variant="secondary" loading={props.pending} disabled={props.disabled} onClick={props.onSave}>
        {props.children}
      </Button>
      {props.editing ? (
        <Button variant="tertiary" onClick={props.onCancel}>
          Bỏ sửa
        </Button>
      ) : null}
    </>
  );
}

const text = (value: number | string | null) => (value === null ? '' : String(value));
const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

function WardForm({ ward }: { ward: WardSettings }) {
  const save = useSaveWard();
  // The OA id routes the ward's sending: only an admin changes it (the server refuses others).
  const isAdmin = useSession().session?.role === 'admin';
  const { openSnackbar } = useSnackbar();
  const [form, setForm] = useState({
    name: ward.name,
    zaloOaId: text(ward.zaloOaId),
    centerLat: text(ward.centerLat),
    centerLng: text(ward.centerLng),
    radiusM: text(ward.radiusM),
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <section className="card">
      <h2>Thông tin phường</h2>
      <TextField label="Tên phường" value={form.name} onChange={set('name')} />
      {isAdmin ? (
        <TextField label="Mã OA Zalo" value={form.zaloOaId} onChange={set('zaloOaId')} />
      ) : (
        <p className="muted">Mã OA Zalo: {ward.zaloOaId ?? 'chưa có'} (chỉ quản trị viên đổi được mã này).</p>
      )}
      <p className="muted">Vùng kiểm tra vị trí ảnh: tâm phường và bán kính.</p>
      <TextField label="Vĩ độ tâm" type="number" value={form.centerLat} onChange={set('centerLat')} />
      <TextField label="Kinh độ tâm" type="number" value={form.centerLng} onChange={set('centerLng')} />
      <TextField label="Bán kính (m)" type="number" value={form.radiusM} onChange={set('radiusM')} />
      <ErrorNote error={save.error} />
      <Button
        loading={save.isPending}
        onClick={() =>
          save.mutate(
            {
              name: form.name.trim(),
              ...(isAdmin ? { zaloOaId: form.zaloOaId.trim() || null } : {}),
              centerLat: numberOrNull(form.centerLat),
              centerLng: numberOrNull(form.centerLng),
              radiusM: numberOrNull(form.radiusM),
            },
            { onSuccess: () => openSnackbar({ text: 'Đã lưu thông tin phường.', type: 'success' }) },
          )
        }
      >
        Lưu thông tin phường
      </Button>
    </section>
  );
}

function UnitsSection() {
  const units = useSetupUnits();
  const add = useAddUnit();
  const edit = useEditUnit();
  const blank = { kind: 'digital_team' as UnitKind, name: '', khuPhoName: '' };
  const [form, setForm] = useState(blank);
  // The unit being edited: the form below fills with it and saves with PATCH instead of adding.
  const [editing, setEditing] = useState<string>();
  const done = () => {
    setEditing(undefined);
    setForm(blank);
  };
  return (
    <section className="card">
      <h2>Đơn vị và tổ</h2>
      <QueryGate query={units}>
        {({ units: list }) =>
          list.length === 0 ? (
            <p className="muted">Chưa có đơn vị nào.</p>
          ) : (
            <RowList label="Đơn vị và tổ" data-testid="unit-list">
              {list
                .filter((u) => u.kind !== 'khu_pho')
                .map((u) => (
                  <Row key={u.id}>
                    <strong>{u.name}</strong> · {UNIT_KIND_LABELS[u.kind]}
                    {u.khuPhoName ? ` · ${u.khuPhoName}` : ''} · {u.memberCount} người
                    {u.active ? '' : ' · đã ngừng'}{' '}
                    <RowActions
                      name={u.name}
                      active={u.active}
                      onEdit={() => {
                        setEditing(u.id);
                        setForm({ kind: u.kind, name: u.name, khuPhoName: u.khuPhoName ?? '' });
                      }}
                      toggling={edit.isPending && edit.variables?.id === u.id}
                      onToggle={() => edit.mutate({ id: u.id, patch: { active: !u.active } })}
                    />
                  </Row>
                ))}
            </RowList>
          )
        }
      </QueryGate>
      <SelectField
        label="Loại đơn vị"
        value={form.kind}
        onChange={(kind) => setForm((f) => ({ ...f, kind: kind as UnitKind }))}
      >
        {UNIT_KINDS.filter((k) => k !== 'khu_pho').map((k) => (
          <option key={k} value={k}>
            {UNIT_KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      <TextField label="Tên đơn vị" value={form.name} onChange={(name) => setForm((f) => ({ ...f, name }))} />
      {form.kind === 'digital_team' ? (
        <TextField
          label="Khu phố của tổ"
          placeholder="Khu phố 1"
          value={form.khuPhoName}
          onChange={(khuPhoName) => setForm((f) => ({ ...f, khuPhoName }))}
        />
      ) : null}
      <AddOrSave
        editing={editing !== undefined}
        error={editing ? edit.error : add.error}
        pending={editing ? edit.isPending : add.isPending}
        disabled={form.name.trim() === ''}
        onSave={() => {
          const fields = {
            kind: form.kind,
            name: form.name.trim(),
            khuPhoName: form.kind === 'digital_team' ? form.khuPhoName.trim() || null : null,
          };
          if (editing) edit.mutate({ id: editing, patch: fields }, { onSuccess: done });
          else add.mutate(fields, { onSuccess: () => setForm((f) => ({ ...f, name: '', khuPhoName: '' })) });
        }}
        onCancel={done}
      >
        {editing ? 'Lưu đơn vị' : 'Thêm đơn vị'}
      </AddOrSave>
    </section>
  );
}

function PlacesSection() {
  const places = usePlaces();
  const add = useAddPlace();
  const edit = useEditPlace();
  const empty = { name: '', address: '', lat: '', lng: '', radiusM: '100' };
  const [form, setForm] = useState(empty);
  const [editing, setEditing] = useState<string>();
  const done = () => {
    setEditing(undefined);
    setForm(empty);
  };
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <section className="card">
      <h2>Địa điểm treo băng rôn, chụp ảnh</h2>
      <QueryGate query={places}>
        {({ places: list }) =>
          list.length === 0 ? (
            <p className="muted">Chưa có địa điểm nào.</p>
          ) : (
            <RowList label="Địa điểm">
              {list.map((p) => (
                <Row key={p.id}>
                  <strong>{p.name}</strong>
                  {p.address ? ` · ${p.address}` : ''} · bán kính {p.radiusM} m{p.active ? '' : ' · đã ngừng'}{' '}
                  <RowActions
                    name={p.name}
                    active={p.active}
                    onEdit={() => {
                      setEditing(p.id);
                      setForm({
                        name: p.name,
                        address: p.address,
                        lat: String(p.lat),
                        lng: String(p.lng),
                        radiusM: String(p.radiusM),
                      });
                    }}
                    toggling={edit.isPending && edit.variables?.id === p.id}
                    onToggle={() => edit.mutate({ id: p.id, patch: { active: !p.active } })}
                  />
                </Row>
              ))}
            </RowList>
          )
        }
      </QueryGate>
      <TextField label="Tên địa điểm" value={form.name} onChange={set('name')} />
      <TextField label="Địa chỉ" value={form.address} onChange={set('address')} />
      <TextField label="Vĩ độ" type="number" value={form.lat} onChange={set('lat')} />
      <TextField label="Kinh độ" type="number" value={form.lng} onChange={set('lng')} />
      <TextField label="Bán kính địa điểm (m)" type="number" value={form.radiusM} onChange={set('radiusM')} />
      <p className="muted">Ảnh chụp trong bán kính này tính là tại địa điểm: từ 10 đến 20000 m.</p>
      <AddOrSave
        editing={editing !== undefined}
        error={editing ? edit.error : add.error}
        pending={editing ? edit.isPending : add.isPending}
        disabled={form.name.trim() === '' || form.lat === '' || form.lng === ''}
        onSave={() => {
          const fields = {
            name: form.name.trim(),
            address: form.address.trim(),
            lat: Number(form.lat),
            lng: Number(form.lng),
            // Sent as typed: a radius the server refuses comes back with what to fix, never 100 m silently.
            radiusM: Number(form.radiusM),
          };
          if (editing) edit.mutate({ id: editing, patch: fields }, { onSuccess: done });
          else add.mutate(fields, { onSuccess: () => setForm(empty) });
        }}
        onCancel={done}
      >
        {editing ? 'Lưu địa điểm' : 'Thêm địa điểm'}
      </AddOrSave>
    </section>
  );
}
