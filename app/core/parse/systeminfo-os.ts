/**
 * The OS lines of `systeminfo` in any language. Labels are localised ("OS Version", "Версия ОС",
 * "OS 版本"), so we key on the value's shape — "6.3.9600 N/A Build 9600", "10.0.17763 Н/Д
 * построение 17763", "5.1.2600 Service Pack 3 Build 2600" — and on the fixed order of the first
 * lines (Host Name, OS Name, OS Version).
 */
export interface SysteminfoOs {
  hostname?: string;
  name?: string;
  version: string;
  build: string;
  /** "Service Pack 3"; absent when systeminfo says N/A (in whatever language) */
  servicePack?: string;
  /** 1-based line of the version */
  line: number;
}

const valueOf = (line: string | undefined): string | undefined => {
  const m = line ? /^[^:：]+[:：]\s*(.*?)\s*$/.exec(line) : null;
  return m?.[1] || undefined;
};

export function parseSysteminfoOs(text: string): SysteminfoOs | null {
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^[^:：]{1,40}[:：]\s*(\d+\.\d+\.\d+)\s+(.+?)\s+\S+\s+(\d+)\s*$/.exec(lines[i]!);
    if (!m) continue;
    const middle = m[2]!.trim();
    return {
      hostname: valueOf(lines[i - 2]),
      name: valueOf(lines[i - 1]),
      version: m[1]!,
      build: m[3]!,
      // the only digits in "N/A" / "Н/Д" / "暂缺" would be a service pack number
      servicePack: /\d/.test(middle) ? middle : undefined,
      line: i + 1,
    };
  }
  return null;
}
