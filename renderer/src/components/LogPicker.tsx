/** Which log of a file holding several (a dropped archive, a file main read in full) is shown: nothing when it holds one. */
export function LogPicker({ id, label, names, shown, onPick, disabled }: { id: string; label: string; names: readonly string[]; shown: number; onPick: (index: number) => void; disabled: boolean }) {
  if (names.length < 2) return null;
  return (
    <>
      <label htmlFor={id}>{label}</label>{' '}
      <select id={id} value={shown} onChange={(e) => onPick(Number(e.target.value))} disabled={disabled}>
        {names.map((name, i) => (
          <option key={i} value={i}>
            {name}
          </option>
        ))}
      </select>
    </>
  );
}
