export { actionPins, pinnedUses, type ActionPin, type ActionPinName } from './pins/action-pins.js';
