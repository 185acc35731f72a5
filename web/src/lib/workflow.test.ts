import { parseMileage, workflowActions } from './workflow';

describe('workflowActions', () => {
  const offered = (status: string) => workflowActions(status).map((a) => a.label);

  it('offers the next step first, then no-show and cancel while they are allowed', () => {
    expect(offered('requested')).toEqual(['Confirm', 'Mark as no-show', 'Cancel booking']);
    expect(offered('confirmed')).toEqual(['Check in', 'Mark as no-show', 'Cancel booking']);
    expect(offered('checked_in')).toEqual(['Start work', 'Cancel booking']);
    expect(offered('in_progress')).toEqual(['Complete']);
  });

  it('offers nothing once a booking is final', () => {
    for (const s of ['completed', 'cancelled', 'no_show']) expect(workflowActions(s)).toEqual([]);
  });

  it('asks for the mileage to complete, and cancels through the cancel route', () => {
    expect(workflowActions('in_progress')[0]).toMatchObject({ to: 'completed', needsMileage: true, via: 'status' });
    expect(workflowActions('confirmed').find((a) => a.to === 'cancelled')).toMatchObject({ via: 'cancel' });
  });
});

describe('parseMileage', () => {
  it('takes whole numbers, with separators', () => {
    expect(parseMileage('52,100')).toEqual({ ok: true, value: 52100 });
    expect(parseMileage(' 7 ')).toEqual({ ok: true, value: 7 });
  });

  it('says what is wrong otherwise', () => {
    expect(parseMileage('')).toEqual({ ok: false, message: 'Enter the mileage on the odometer' });
    expect(parseMileage('12.5km')).toMatchObject({ ok: false, message: 'Enter the mileage as a whole number' });
    expect(parseMileage('3000001')).toMatchObject({ ok: false });
    expect(parseMileage('100', 52000)).toMatchObject({ ok: false, message: expect.stringMatching(/at least/) });
  });
});
