import type { Db } from "../../db/client";
import { readSetting, writeSetting } from "../../settings/settings";
import { DEFAULT_IVR, type IvrConfig, ZIvrConfig } from "../../shared/ivr-config";

const KEY = "ivr";

export function loadIvrConfig(db: Db): Promise<IvrConfig> {
  return readSetting(db, KEY, ZIvrConfig, DEFAULT_IVR);
}

export function saveIvrConfig(db: Db, config: unknown, actorUserId: string): Promise<IvrConfig> {
  return writeSetting(db, KEY, ZIvrConfig, config, actorUserId);
}
