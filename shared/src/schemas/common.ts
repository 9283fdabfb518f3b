import { type Static, Type } from '@sinclair/typebox';

export const Uuid = Type.String({ format: 'uuid', description: 'UUID' });
/** A calendar day in the ward's time zone, "2026-05-18". */
export const IsoDay = Type.String({ format: 'date', description: 'Ngày (yyyy-mm-dd)' });

/** The one error body every route answers with. `message` is Vietnamese and says what to fix. */
export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer(),
    code: Type.String(),
    error: Type.String(),
    message: Type.String(),
    details: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String({ description: 'Khóa của trường trong dữ liệu gửi lên' }),
          label: Type.Optional(Type.String({ description: 'Tên trường bằng tiếng Việt, như trên biểu mẫu' })),
          message: Type.String(),
        }),
        {
          description: 'Từng trường chưa hợp lệ',
        },
      ),
    ),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBody>;

export const IdParams = Type.Object({ id: Uuid });
