import { render, screen } from '@testing-library/react';
import { Field } from './Field';

describe('Field', () => {
  it('labels its input and announces hint and error through aria-describedby', () => {
    render(<Field label="Email" name="email" hint="We send the booking here" error="Enter an email address" />);
    const input = screen.getByLabelText('Email');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('We send the booking here Enter an email address');
  });

  it('is valid and undescribed without hint or error', () => {
    render(<Field label="Name" name="name" />);
    const input = screen.getByLabelText('Name');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input).not.toHaveAttribute('aria-describedby');
  });
});
