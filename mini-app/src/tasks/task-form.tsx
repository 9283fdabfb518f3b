import { type TaskInput, type TaskKind, wardDayOf, wardInstant, wardTimeOf } from '@loa/shared';
import { type ReactNode, useState } from 'react';
import { Checkbox, Input, Select } from 'zmp-ui';
import { ChoicesStatus } from '../components/status-views';
import { WardDayField, WardTimeField } from '../components/ward-date-fields';
import { usePlaces } from '../wards/use-ward-setup';
import { taskKindLabels } from './labels';

/** What the form edits: a task's own fields (who gets it is chosen separately). */
export type TaskFields = Omit<TaskInput, 'assign'>;

/** A free place typed by name (no map point), rather than one of the ward's banner places. */
const TYPED_PLACE = 'typed';
const NO_PLACE = 'none';

/**
 * A task's fields: kind, title, due time, the number to report, and its evidence: how many photos,
 * where (one of the ward's places, with its map point and radius, or a name only), whether photos must
 * be taken there, and whether "done" may be reported without them. `children` renders the rest of the
 * form (targets, the submit button) with the fields as they are now (undefined while incomplete).
 */
export function TaskFieldsForm({
  initial,
  onSubmit,
  children,
}: {
  initial?: TaskFields;
  onSubmit: (fields: TaskFields) => void;
  children: (fields: TaskFields | undefined) => ReactNode;
}) {
  const places = usePlaces();
  const [kind, setKind] = useState<TaskKind>(initial?.kind ?? 'loudspeaker');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [dueDay, setDueDay] = useState(initial ? wardDayOf(initial.dueAt) : '');
  const [dueTime, setDueTime] = useState(initial ? wardTimeOf(initial.dueAt) : '17:00');
  const [numberLabel, setNumberLabel] = useState(initial?.evidenceNumberLabel ?? '');
  const [photoCount, setPhotoCount] = useState(String(initial?.evidencePhotoCount ?? 0));
  const [locationRequired, setLocationRequired] = useState(initial?.evidenceLocationRequired ?? false);
  const [allowWithout, setAllowWithout] = useState(initial?.allowDoneWithoutPhotos ?? false);
  const known = places.data?.places ?? [];
  const initialPlace = initial?.place ?? null;
  const [placeChoice, setPlaceChoice] = useState<string>(
    initialPlace ? (initialPlace.lat == null ? TYPED_PLACE : `name:${initialPlace.name}`) : NO_PLACE,
  );
  const [placeName, setPlaceName] = useState(initialPlace?.lat == null ? (initialPlace?.name ?? '') : '');

  const photoCountValid = /^\d{1,2}$/.test(photoCount) && Number(photoCount) <= 20;
  const chosen = placeChoice.startsWith('name:') ? placeChoice.slice(5) : undefined;
  const chosenPlace = chosen ? known.find((p) => p.name === chosen) : undefined;
  // A place saved on the task but no longer in the ward's list keeps its own point.
  const place: TaskInput['place'] =
    placeChoice === TYPED_PLACE && placeName.trim()
      ? { name: placeName.trim() }
      : chosenPlace
        ? { name: chosenPlace.name, lat: chosenPlace.lat, lng: chosenPlace.lng, radiusM: chosenPlace.radiusM }
        : chosen && initialPlace?.name === chosen
          ? {
              name: initialPlace.name,
              ...(initialPlace.lat != null ? { lat: initialPlace.lat } : {}),
              ...(initialPlace.lng != null ? { lng: initialPlace.lng } : {}),
              ...(initialPlace.radiusM != null ? { radiusM: initialPlace.radiusM } : {}),
            }
          : null;
  const ready = title.trim() !== '' && dueDay !== '' && photoCountValid;
  const fields: TaskFields | undefined = ready
    ? {
        kind,
        title: title.trim(),
        description: description.trim(),
        dueAt: wardInstant(dueDay, dueTime).toISOString(),
        evidenceNumberLabel: numberLabel.trim() || null,
        evidencePhotoCount: Number(photoCount),
        evidenceLocationRequired: Number(photoCount) > 0 && locationRequired,
        allowDoneWithoutPhotos: Number(photoCount) > 0 && allowWithout,
        place,
      }
    : undefined;
  const placeOptions = [
    ...known.filter((p) => p.active).map((p) => p.name),
    ...(chosen && !known.some((p) => p.name === chosen) ? [chosen] : []),
  ];

  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (fields) onSubmit(fields);
      }}
    >
      <Select
        label="Loại nhiệm vụ"
        value={kind}
        onChange={(value) => setKind(value as TaskKind)}
        closeOnSelect
      >
        {(Object.keys(taskKindLabels) as TaskKind[]).map((k) => (
          <Select.Option key={k} value={k} title={taskKindLabels[k]} />
        ))}
      </Select>
      <Input
        label="Tên nhiệm vụ *"
        value={title}
        maxLength={300}
        onChange={(e) => setTitle(e.target.value)}
      />
      <Input.TextArea label="Mô tả" value={description} onChange={(e) => setDescription(e.target.value)} />
      <WardDayField label="Hạn hoàn thành: ngày *" value={dueDay} onChange={setDueDay} />
      <WardTimeField label="Hạn hoàn thành: giờ" value={dueTime} onChange={setDueTime} />
      <Input
        label="Con số cần báo cáo (nếu có)"
        placeholder="Số lần phát thanh"
        value={numberLabel}
        onChange={(e) => setNumberLabel(e.target.value)}
      />
      <Select
        label="Địa điểm"
        value={placeChoice}
        onChange={(value) => setPlaceChoice(String(value))}
        closeOnSelect
      >
        <Select.Option value={NO_PLACE} title="Không có địa điểm" />
        {placeOptions.map((name) => (
          <Select.Option key={name} value={`name:${name}`} title={name} />
        ))}
        <Select.Option value={TYPED_PLACE} title="Địa điểm khác (chỉ ghi tên)" />
      </Select>
      <ChoicesStatus query={places} what="danh sách địa điểm" />
      {placeChoice === TYPED_PLACE ? (
        <Input
          label="Tên địa điểm"
          aria-label="Tên địa điểm"
          value={placeName}
          maxLength={300}
          onChange={(e) => setPlaceName(e.target.value)}
        />
      ) : null}
      <Input
        label="Số ảnh minh chứng cần chụp"
        aria-label="Số ảnh minh chứng cần chụp"
        inputMode="numeric"
        value={photoCount}
        status={photoCountValid ? undefined : 'error'}
        errorText="Nhập số ảnh từ 0 đến 20"
        onChange={(e) => setPhotoCount(e.target.value.trim())}
      />
      {Number(photoCount) > 0 ? (
        <fieldset className="targets">
          <legend>Quy tắc ảnh</legend>
          <Checkbox
            label={
              chosenPlace || (chosen && initialPlace?.lat != null)
                ? 'Ảnh phải chụp tại địa điểm (trong bán kính của địa điểm)'
                : 'Ảnh phải có vị trí trong địa bàn phường'
            }
            value="location"
            checked={locationRequired}
            onChange={(e: { target: { checked: boolean } }) => setLocationRequired(e.target.checked)}
          />
          <Checkbox
            label="Cho báo hoàn thành khi chưa đủ ảnh (hiện ghi chú thiếu ảnh)"
            value="without"
            checked={allowWithout}
            onChange={(e: { target: { checked: boolean } }) => setAllowWithout(e.target.checked)}
          />
        </fieldset>
      ) : null}
      {children(fields)}
    </form>
  );
}
