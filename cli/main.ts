console.log('zhibao CLI')
