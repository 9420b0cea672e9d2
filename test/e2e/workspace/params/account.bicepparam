using './account.bicep'

param publicAccess = 'Enabled'
