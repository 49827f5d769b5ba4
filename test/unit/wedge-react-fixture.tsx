import { useState } from 'react';
import { createRoot } from 'react-dom/client';

/** A controlled input, as the till's serial field is: React must see text the forwarder inserts. */
function ControlledField() {
  const [value, setValue] = useState('');
  return (
    <div>
      <input id="react-field" value={value} onChange={(event) => setValue(event.target.value)} />
      <output id="react-echo">{value}</output>
    </div>
  );
}

createRoot(document.getElementById('react-root')!).render(<ControlledField />);
