/**
 * The till's two sounds, made with oscillators so there are no audio files to ship or load: a short
 * high beep when a scan or action is accepted, a low double buzz when it is refused. A cashier
 * looking at the customer hears which one it was.
 */

export interface Tone {
  /** Seconds after the sound starts. */
  at: number;
  duration: number;
  frequency: number;
  wave: OscillatorType;
  gain: number;
}

export const ACCEPTED_TONES: readonly Tone[] = [{ at: 0, duration: 0.09, frequency: 1760, wave: 'sine', gain: 0.25 }];

export const REFUSED_TONES: readonly Tone[] = [
  { at: 0, duration: 0.16, frequency: 160, wave: 'sawtooth', gain: 0.2 },
  { at: 0.24, duration: 0.16, frequency: 160, wave: 'sawtooth', gain: 0.2 },
];

/** Schedules tones on a context; short ramps at both ends avoid the click of a hard start and stop. */
export function scheduleTones(context: BaseAudioContext, tones: readonly Tone[]): void {
  const start = context.currentTime + 0.01;
  for (const tone of tones) {
    const oscillator = context.createOscillator();
    const envelope = context.createGain();
    oscillator.type = tone.wave;
    oscillator.frequency.value = tone.frequency;
    const begin = start + tone.at;
    const end = begin + tone.duration;
    envelope.gain.setValueAtTime(0, begin);
    envelope.gain.linearRampToValueAtTime(tone.gain, begin + 0.008);
    envelope.gain.setValueAtTime(tone.gain, end - 0.015);
    envelope.gain.linearRampToValueAtTime(0, end);
    oscillator.connect(envelope).connect(context.destination);
    oscillator.start(begin);
    oscillator.stop(end + 0.01);
  }
}

let context: AudioContext | null = null;

/**
 * Browsers start audio only after a user gesture; the first key or touch unlocks it, which at a
 * till is the first scan or tap of the day. The context is made at start-up, not in that first
 * key's handler: making one takes the audio device a while, and a scanner's keys arrive meanwhile.
 */
export function prepareAudio(): void {
  const audio = audioContext();
  if (!audio || audio.state === 'running') return;
  const unlock = () => {
    void audio.resume().catch(() => {});
    window.removeEventListener('keydown', unlock, true);
    window.removeEventListener('pointerdown', unlock, true);
  };
  window.addEventListener('keydown', unlock, true);
  window.addEventListener('pointerdown', unlock, true);
}

export function playFeedbackSound(ok: boolean): void {
  const audio = audioContext();
  if (!audio) return;
  scheduleTones(audio, ok ? ACCEPTED_TONES : REFUSED_TONES);
}

function audioContext(): AudioContext | null {
  if (context) return context;
  if (typeof AudioContext === 'undefined') return null;
  context = new AudioContext({ latencyHint: 'interactive' });
  return context;
}
