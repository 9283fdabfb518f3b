import { type Static, Type } from '@sinclair/typebox';

export const HealthReply = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('down')]),
  checks: Type.Record(
    Type.String(),
    Type.Object({ ok: Type.Boolean(), message: Type.Optional(Type.String()) }),
  ),
});
export type HealthReply = Static<typeof HealthReply>;
